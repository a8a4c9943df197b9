package org.agora.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import java.util.UUID;
import org.agora.account.AccountException;

/** Small helpers the account forms share. */
final class Forms {
    private Forms() {
    }

    static String clientAddress() {
        var request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    /** The tracking id of this browser's signed-in session. */
    static UUID currentSession() {
        var session = VaadinSession.getCurrent();
        Object id = session == null ? null : session.getSession().getAttribute("agora.session");
        return id instanceof UUID uuid ? uuid : null;
    }

    /** Shows the error on its field if there is one, else as a notification; nothing the user typed is lost. */
    static void show(AccountException e, Map<String, ? extends HasValidation> fields,
                     java.util.function.Function<String, String> translate) {
        var field = e.field() == null ? null : fields.get(e.field());
        String message = translate.apply(e.messageKey());
        if (e.args().length > 0) {
            message = java.text.MessageFormat.format(message, e.args());
        }
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static void clear(HasValidation... fields) {
        for (var f : fields) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
    }
}
