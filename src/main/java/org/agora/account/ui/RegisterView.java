package org.agora.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.agora.account.AccountException;
import org.agora.account.AccountService;
import org.agora.account.CurrentUser;
import org.agora.account.PasswordPolicy;
import org.agora.shared.ui.MainLayout;

/** Create an account: username, email, password (with a strength meter); then confirm the address by mail. */
@Route(value = "register", layout = MainLayout.class)
@AnonymousAllowed
class RegisterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final TextField username = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final PasswordStrengthMeter meter = new PasswordStrengthMeter();
    final Button submit = new Button();
    final Paragraph done = new Paragraph();
    private final AccountService accounts;
    private final FormLayout form = new FormLayout();

    RegisterView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("agora-narrow");
        username.setLabel(getTranslation("register.username"));
        username.setHelperText(getTranslation("register.username.help"));
        username.setMaxLength(AccountService.USERNAME_MAX);
        username.setRequired(true);
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        email.setLabel(getTranslation("register.email"));
        email.setHelperText(getTranslation("register.email.help"));
        email.setMaxLength(AccountService.EMAIL_MAX);
        email.setRequired(true);
        password.setLabel(getTranslation("register.password"));
        password.setHelperText(getTranslation("register.password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setRequired(true);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.setValueChangeMode(ValueChangeMode.LAZY);
        password.getElement().setAttribute("aria-describedby", "password-strength");
        password.addValueChangeListener(e -> meter.show(e.getValue().isEmpty() ? null
                : accounts.passwordStrength(e.getValue(), getLocale(), username.getValue(), email.getValue())));
        submit.setText(getTranslation("register.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> register());
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        form.add(username, email, password, meter, submit);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        done.setVisible(false);
        done.getElement().setAttribute("role", "status");
        done.setId("registration-done");
        var login = new Paragraph(getTranslation("register.haveAccount") + " ");
        login.add(new Anchor("/login", getTranslation("register.login")));
        add(new H1(getTranslation("register.title")), form, done, login);
    }

    void register() {
        Forms.clear(username, email, password);
        try {
            accounts.register(username.getValue(), email.getValue(), password.getValue(), getLocale(),
                    Forms.clientAddress());
            form.setVisible(false);
            done.setText(getTranslation("register.done", email.getValue().strip()));
            done.setVisible(true);
        } catch (AccountException e) {
            Forms.show(e, Map.of("username", username, "email", email, "password", password), this::getTranslation);
        } finally {
            submit.setEnabled(true);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("account");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title") + " · Agora";
    }
}
