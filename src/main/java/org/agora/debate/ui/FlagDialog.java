package org.agora.debate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.agora.debate.DebateException;
import org.agora.debate.Post;
import org.agora.debate.PostFlagging;

/** Asks why a post should be reviewed: a reason, and words of one's own (required for "something else"). */
class FlagDialog extends Dialog {
    final RadioButtonGroup<String> reason = new RadioButtonGroup<>();
    final TextArea text = new TextArea();
    final Button send = new Button();

    FlagDialog(PostFlagging flagging, Post post) {
        setHeaderTitle(getTranslation("flag.title"));
        setWidth("min(36rem, 95vw)");
        var intro = new Paragraph(getTranslation("flag.intro"));
        reason.setLabel(getTranslation("flag.reason"));
        reason.setItems(flagging.reasons());
        reason.setItemLabelGenerator(code -> getTranslation("flag.reason." + code));
        reason.setRequired(true);
        reason.addThemeName("vertical");
        text.setLabel(getTranslation("flag.text"));
        text.setHelperText(getTranslation("flag.text.help", PostFlagging.TEXT_MAX));
        text.setMaxLength(PostFlagging.TEXT_MAX);
        text.setWidthFull();
        send.setText(getTranslation("flag.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            try {
                flagging.flagPost(post.id(), reason.getValue(), text.getValue());
                close();
                var done = Notification.show(getTranslation("flag.sent"), 5000, Notification.Position.BOTTOM_START);
                done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (DebateException ex) {
                DebateErrors.show(this, ex, Map.of("reason", reason, "text", text));
            }
        });
        var cancel = new Button(getTranslation("composer.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(intro, reason, text, new Anchor("/flags", getTranslation("flag.mine")));
        getFooter().add(cancel, send);
    }
}
