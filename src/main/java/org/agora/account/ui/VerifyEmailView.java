package org.agora.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.agora.account.AccountException;
import org.agora.account.AccountService;
import org.agora.shared.ui.MainLayout;

/** Opens the confirmation link from the registration mail; without a valid link, offers a new one. */
@Route(value = "verify-email", layout = MainLayout.class)
@AnonymousAllowed
class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final Paragraph message = new Paragraph();
    final EmailField email = new EmailField();
    final Button resend = new Button();
    private final AccountService accounts;

    VerifyEmailView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("agora-narrow");
        message.getElement().setAttribute("role", "status");
        email.setLabel(getTranslation("register.email"));
        email.setMaxLength(AccountService.EMAIL_MAX);
        resend.setText(getTranslation("verify.resend"));
        resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resend.setDisableOnClick(true);
        resend.addClickListener(e -> resend());
        add(new H1(getTranslation("verify.title")), message, email, resend);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var token = event.getLocation().getQueryParameters().getSingleParameter("token");
        if (token.isEmpty()) {
            message.setText(getTranslation("verify.askResend"));
            return;
        }
        var confirmed = accounts.confirmEmail(token.get());
        if (confirmed.isPresent()) {
            message.setText(getTranslation("verify.done"));
            message.add(new Paragraph(new Anchor("/login?confirmed", getTranslation("verify.login"))));
            email.setVisible(false);
            resend.setVisible(false);
        } else {
            message.setText(getTranslation("verify.invalid"));
        }
    }

    void resend() {
        try {
            accounts.resendConfirmation(email.getValue(), getLocale(), Forms.clientAddress());
            message.setText(getTranslation("verify.resent"));
        } catch (AccountException e) {
            Forms.show(e, Map.of("email", email), this::getTranslation);
        } finally {
            resend.setEnabled(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title") + " · Agora";
    }
}
