package org.agora.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.agora.account.CurrentUser;
import org.agora.account.TwoFactorLogin;
import org.agora.shared.ui.MainLayout;

/**
 * The second login step for an account with two-factor authentication on: a code from the authenticator app or a
 * recovery code. Only a session that has just passed the password step gets here; any other navigation of such a
 * session is forwarded here ({@link SecondFactorGuard}).
 */
@Route(value = "login/code", layout = MainLayout.class)
@AnonymousAllowed
public class LoginCodeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final Paragraph intro = new Paragraph();
    final TextField code = new TextField();
    final Button verify = new Button();
    final Button cancel = new Button();
    private final TwoFactorLogin login;

    LoginCodeView(TwoFactorLogin login, AuthenticationContext authentication) {
        this.login = login;
        addClassName("agora-narrow");
        code.setLabel(getTranslation("login.code.field"));
        code.setHelperText(getTranslation("login.code.help"));
        code.setMaxLength(40);
        code.setWidth("16em");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("spellcheck", "false");
        code.setAutofocus(true);
        verify.setText(getTranslation("login.code.submit"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER).listenOn(code);
        verify.setDisableOnClick(true);
        verify.addClickListener(e -> verify());
        cancel.setText(getTranslation("login.code.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> authentication.logout());
        var row = new HorizontalLayout(code, verify);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(new H1(getTranslation("login.code.title")), intro, row, cancel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var pending = TwoFactorLogin.pendingUsername();
        if (pending.isEmpty()) {
            event.forwardTo(CurrentUser.get().isPresent() ? "" : "login");
            return;
        }
        intro.setText(getTranslation("login.code.intro", pending.get()));
    }

    void verify() {
        code.setInvalid(false);
        try {
            var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
            var response = ((VaadinServletResponse) VaadinResponse.getCurrent()).getHttpServletResponse();
            switch (login.complete(code.getValue(), request, response)) {
                case SIGNED_IN -> UI.getCurrent().getPage().setLocation(TwoFactorLogin.takeTarget(request.getSession(false)));
                case WRONG_CODE -> refuse("login.code.wrong");
                case THROTTLED -> refuse("login.code.throttled");
                case EXPIRED, NOT_PENDING -> UI.getCurrent().navigate("login", QueryParameters.of("expired", ""));
            }
        } finally {
            verify.setEnabled(true);
        }
    }

    private void refuse(String key) {
        code.setErrorMessage(getTranslation(key));
        code.setInvalid(true);
        code.clear();
        code.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.code.title") + " · Agora";
    }
}
