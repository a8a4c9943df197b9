package org.agora.debate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.agora.debate.DebateException;

/** Shows a refusal from the debate service on its field, or as a notification; never loses the input. */
final class DebateErrors {
    private DebateErrors() {
    }

    static void show(Component owner, DebateException e, Map<String, ? extends HasValidation> fields) {
        String message = owner.getTranslation(e.messageKey(), e.args());
        var field = e.field() == null ? null : fields.get(e.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
