package org.agora.account.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import org.agora.account.TwoFactorLogin;
import org.springframework.stereotype.Component;

/**
 * On every navigation, so that no view has to remember it: a session between the password and the code goes to the
 * code page, whatever it asks for (and on to that page after the code).
 */
@Component
class SecondFactorGuard implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    void beforeEnter(BeforeEnterEvent event) {
        if (TwoFactorLogin.isPending()) {
            if (event.getNavigationTarget() != LoginCodeView.class) {
                if (event.getNavigationTarget() != LoginView.class) {
                    rememberTarget(event.getLocation());
                }
                event.forwardTo(LoginCodeView.class);
            }
        }
    }

    private static void rememberTarget(Location location) {
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest request) {
            TwoFactorLogin.rememberTarget(request.getHttpServletRequest().getSession(false),
                    "/" + location.getPathWithQueryParameters());
        }
    }
}
