package org.agora.account.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import org.agora.account.CurrentUser;
import org.agora.account.StaffSecurity;
import org.agora.account.TwoFactorLogin;
import org.agora.shared.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two rules on every navigation, so that no view has to remember them:
 * <ul>
 * <li>a session between the password and the code goes to the code page, whatever it asks for (and on to that
 * page after the code);</li>
 * <li>staff (MODERATOR, ADMIN) whose session has not passed a second factor, or whose account has no 2FA, do not open
 * anything under {@code /moderation}: they are sent to {@code /account} to set it up. The console's views need
 * nothing of their own for it; services check {@link StaffSecurity} themselves.</li>
 * </ul>
 */
@Component
class SecondFactorGuard implements VaadinServiceInitListener {
    /** The first path segment of the moderator console's routes. */
    static final String STAFF_CONSOLE = "moderation";
    private static final Logger accessLog = LoggerFactory.getLogger("org.agora.security.access");

    private final StaffSecurity staff;

    SecondFactorGuard(StaffSecurity staff) {
        this.staff = staff;
    }

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
            return;
        }
        if (isStaffConsole(event.getLocation())
                && CurrentUser.get().filter(user -> user.role().isStaff()).isPresent()
                && !staff.twoFactorVerified()) {
            accessLog.info("moderator console needs two-factor authentication: user={} to=/{}",
                    LogSafe.of(CurrentUser.get().map(u -> u.getUsername()).orElse(null)),
                    LogSafe.of(event.getLocation().getPath()));
            event.forwardTo("account", QueryParameters.of(AccountView.TWO_FACTOR_PARAM, "required"));
        }
    }

    static boolean isStaffConsole(Location location) {
        return STAFF_CONSOLE.equals(location.getFirstSegment());
    }

    private static void rememberTarget(Location location) {
        if (VaadinServletRequest.getCurrent() instanceof VaadinServletRequest request) {
            TwoFactorLogin.rememberTarget(request.getHttpServletRequest().getSession(false),
                    "/" + location.getPathWithQueryParameters());
        }
    }
}
