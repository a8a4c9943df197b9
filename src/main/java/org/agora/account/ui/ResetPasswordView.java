package org.agora.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.agora.account.AccountException;
import org.agora.account.AccountService;
import org.agora.account.PasswordPolicy;
import org.agora.shared.ui.MainLayout;

/** Choose a new password from a mailed link. The link is spent only when the new password is accepted. */
@Route(value = "reset-password", layout = MainLayout.class)
@AnonymousAllowed
class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final PasswordField password = new PasswordField();
    final PasswordStrengthMeter meter = new PasswordStrengthMeter();
    final Button save = new Button();
    final Paragraph message = new Paragraph();
    private final AccountService accounts;
    private String token;

    ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("agora-narrow");
        password.setLabel(getTranslation("reset.password"));
        password.setHelperText(getTranslation("register.password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.setValueChangeMode(ValueChangeMode.LAZY);
        password.getElement().setAttribute("aria-describedby", "password-strength");
        password.addValueChangeListener(e -> meter.show(e.getValue().isEmpty() ? null
                : accounts.passwordStrength(e.getValue(), getLocale())));
        save.setText(getTranslation("reset.submit"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> reset());
        message.getElement().setAttribute("role", "status");
        add(new H1(getTranslation("reset.title")), message, password, meter, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        if (token == null || !accounts.isResetLinkUsable(token)) {
            invalidLink();
        }
    }

    void reset() {
        Forms.clear(password);
        try {
            accounts.resetPassword(token, password.getValue(), getLocale());
            getUI().ifPresent(ui -> ui.navigate("login", com.vaadin.flow.router.QueryParameters.of("reset", "")));
        } catch (AccountException e) {
            if ("reset.invalidLink".equals(e.messageKey())) {
                invalidLink();
            } else {
                Forms.show(e, Map.of("password", password), this::getTranslation);
            }
        } finally {
            save.setEnabled(true);
        }
    }

    private void invalidLink() {
        message.setText(getTranslation("reset.invalidLink") + " ");
        message.add(new Anchor("/forgot-password", getTranslation("reset.requestNew")));
        password.setVisible(false);
        meter.setVisible(false);
        save.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title") + " · Agora";
    }
}
