package org.agora.shared.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.agora.shared.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Applies each member's theme and language to a new UI, and logs every view navigation that is denied. */
@Component
class ShellInitListener implements VaadinServiceInitListener {
    private static final Logger accessLog = LoggerFactory.getLogger("org.agora.security.access");

    private final ShellAccount account;
    private final AccessAnnotationChecker checker = new AccessAnnotationChecker();

    ShellInitListener(ShellAccount account) {
        this.account = account;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ShellInitListener::onError));
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            Preferences.apply(ui, VaadinRequest.getCurrent(), account);
            ui.addBeforeEnterListener(this::logIfDenied);
        });
    }

    /** An exception in a click or other UI event: logged with a reference; the user sees a short notice, no trace. */
    private static void onError(com.vaadin.flow.server.ErrorEvent event) {
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        LoggerFactory.getLogger(ShellInitListener.class).error("UI error {}", reference, event.getThrowable());
        var ui = com.vaadin.flow.component.UI.getCurrent();
        if (ui != null) {
            var n = com.vaadin.flow.component.notification.Notification.show(
                    ui.getTranslation("error.unexpected.notification", reference), 8000,
                    com.vaadin.flow.component.notification.Notification.Position.TOP_CENTER);
            n.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
        }
    }

    private void logIfDenied(BeforeEnterEvent event) {
        var request = VaadinRequest.getCurrent();
        if (request instanceof com.vaadin.flow.server.VaadinServletRequest servletRequest
                && !checker.hasAccess(event.getNavigationTarget(), servletRequest.getHttpServletRequest())) {
            var principal = servletRequest.getUserPrincipal();
            accessLog.warn("view access denied: user={} to=/{}", LogSafe.of(principal == null ? "anonymous" : principal.getName()),
                    LogSafe.of(event.getLocation().getPath()));
        }
    }
}
