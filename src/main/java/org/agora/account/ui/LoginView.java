package org.agora.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.account.CurrentUser;
import org.agora.account.LoginExceptions;
import org.agora.shared.ui.MainLayout;

/** Sign in with username or email; the form posts to Spring Security's /login. */
@Route(value = "login", layout = MainLayout.class)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final LoginForm form = new LoginForm();
    final Paragraph notice = new Paragraph();
    final com.vaadin.flow.component.html.Div appeal = new com.vaadin.flow.component.html.Div();
    private final org.agora.account.AccountStanding standing;

    public LoginView(org.agora.account.AccountStanding standing) {
        this.standing = standing;
        appeal.setVisible(false);
        addClassName("agora-narrow");
        form.setAction("login");
        form.setI18n(i18n(null));
        form.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        notice.setVisible(false);
        notice.getElement().setAttribute("role", "status");
        var register = new Paragraph(getTranslation("login.noAccount") + " ");
        register.add(new Anchor("/register", getTranslation("login.register")));
        add(new H1(getTranslation("login.title")), notice, appeal, form, register);
    }

    private LoginI18n i18n(String errorKey) {
        var i18n = LoginI18n.createDefault();
        var f = i18n.getForm();
        f.setTitle(getTranslation("login.form.title"));
        f.setUsername(getTranslation("login.form.username"));
        f.setPassword(getTranslation("login.form.password"));
        f.setSubmit(getTranslation("login.form.submit"));
        f.setForgotPassword(getTranslation("login.form.forgot"));
        var error = i18n.getErrorMessage();
        String key = errorKey == null ? "login.error.credentials" : errorKey;
        error.setTitle(getTranslation(key + ".title"));
        error.setMessage(getTranslation(key + ".text"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var params = event.getLocation().getQueryParameters().getParameters();
        String error = params.containsKey("throttled") ? "login.error.throttled"
                : params.containsKey("unconfirmed") ? "login.error.unconfirmed"
                : params.containsKey("suspended") ? "login.error.suspended"
                : params.containsKey("error") ? "login.error.credentials" : null;
        if (error != null) {
            form.setI18n(i18n(error));
            form.setError(true);
        }
        if (params.containsKey("suspended")) {
            notice.setText(suspension());
            notice.setVisible(true);
            suspendedFailure().ifPresent(this::offerAppeal);
        } else if (params.containsKey("unconfirmed")) {
            notice.removeAll();
            notice.setText(getTranslation("login.unconfirmed.hint") + " ");
            notice.add(new Anchor("/verify-email", getTranslation("login.unconfirmed.resend")));
            notice.setVisible(true);
        } else if (params.containsKey("reset")) {
            notice.setText(getTranslation("login.afterReset"));
            notice.setVisible(true);
        } else if (params.containsKey("confirmed")) {
            notice.setText(getTranslation("login.afterConfirm"));
            notice.setVisible(true);
        } else if (params.containsKey("expired")) {
            notice.setText(getTranslation("login.expired"));
            notice.setVisible(true);
        }
    }

    private java.util.Optional<LoginExceptions.Suspended> suspendedFailure() {
        var session = com.vaadin.flow.server.VaadinSession.getCurrent();
        Object failure = session == null ? null : session.getSession()
                .getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof LoginExceptions.Suspended s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    /** A suspended member, whose password was just proven, may appeal from here (once per sanction). */
    private void offerAppeal(LoginExceptions.Suspended proof) {
        var text = new com.vaadin.flow.component.textfield.TextArea(getTranslation("standing.appeal"));
        text.setMaxLength(org.agora.account.AccountStanding.APPEAL_MAX);
        text.setHelperText(getTranslation("standing.appealHelp"));
        text.setWidthFull();
        var send = new com.vaadin.flow.component.button.Button(getTranslation("standing.send"));
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            try {
                standing.appealWhileSuspended(proof, text.getValue());
                appeal.removeAll();
                appeal.add(new Paragraph(getTranslation("standing.appealed", text.getValue())));
            } catch (org.agora.account.AccountException ex) {
                text.setErrorMessage(getTranslation(ex.messageKey()));
                text.setInvalid(true);
                send.setEnabled(true);
            }
        });
        appeal.removeAll();
        appeal.add(text, send);
        appeal.setVisible(true);
    }

    /** Why and until when the member is suspended, from the failed login kept in the session. */
    private String suspension() {
        var session = com.vaadin.flow.server.VaadinSession.getCurrent();
        Object failure = session == null ? null : session.getSession()
                .getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LoginExceptions.Suspended s) {
            return s.until().isEmpty() ? getTranslation("login.banned", s.reason())
                    : getTranslation("login.suspended", s.until(), s.reason());
        }
        return getTranslation("login.error.suspended.text");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Agora";
    }
}
