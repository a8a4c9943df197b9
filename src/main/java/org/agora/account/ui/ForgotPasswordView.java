package org.agora.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.agora.account.AccountException;
import org.agora.account.AccountService;
import org.agora.shared.ui.MainLayout;

/** Ask for a password reset link; the answer is the same whether or not the account exists. */
@Route(value = "forgot-password", layout = MainLayout.class)
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout implements HasDynamicTitle {
    final TextField login = new TextField();
    final Button send = new Button();
    final Paragraph result = new Paragraph();
    private final AccountService accounts;

    ForgotPasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("agora-narrow");
        login.setLabel(getTranslation("forgot.login"));
        login.setMaxLength(AccountService.EMAIL_MAX);
        login.setRequired(true);
        send.setText(getTranslation("forgot.submit"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> send());
        send.addClickShortcut(Key.ENTER);
        result.getElement().setAttribute("role", "status");
        result.setId("forgot-result");
        add(new H1(getTranslation("forgot.title")), new Paragraph(getTranslation("forgot.intro")), login, send, result);
    }

    void send() {
        Forms.clear(login);
        if (login.getValue().isBlank()) {
            login.setErrorMessage(getTranslation("forgot.required"));
            login.setInvalid(true);
            send.setEnabled(true);
            return;
        }
        try {
            accounts.requestPasswordReset(login.getValue(), getLocale(), Forms.clientAddress());
            result.setText(getTranslation("forgot.sent"));
        } catch (AccountException e) {
            Forms.show(e, Map.of("login", login), this::getTranslation);
        } finally {
            send.setEnabled(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title") + " · Agora";
    }
}
