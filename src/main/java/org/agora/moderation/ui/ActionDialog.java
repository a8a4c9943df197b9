package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.agora.debate.Category;
import org.agora.moderation.FlagReason;
import org.agora.moderation.ModerationAction;
import org.agora.moderation.ModerationException;
import org.agora.moderation.ReviewQueue;

/**
 * Asks a moderator for the reason of a decision: a category (public in the transparency report) and words
 * (shown to the author of hidden content, kept in the audit log). Both are required.
 */
class ActionDialog extends Dialog {
    /** Carries out the decision with the given category and reason. */
    interface Decision {
        /**
         * {@code body}: the edited text (EDIT only, else null); {@code destination}: the category to move to (MOVE
         * only, else null); {@code notify}: tell the author.
         */
        void decide(FlagReason category, String reason, boolean notify, String body, Long destination);
    }

    final Select<FlagReason> category = new Select<>();
    final TextArea reason = new TextArea();
    final Button confirm = new Button();
    final Checkbox notify = new Checkbox();
    final TextArea body = new TextArea();
    final Select<Category> destination = new Select<>();

    ActionDialog(ModerationAction action, FlagReason suggested, Decision decision, Runnable done) {
        this(action, suggested, null, List.of(), decision, done);
    }

    /**
     * {@code text}: the post's text to edit (EDIT), else null; {@code categories}: where a thread may move (MOVE),
     * else empty.
     */
    ActionDialog(ModerationAction action, FlagReason suggested, String text, List<Category> categories,
                 Decision decision, Runnable done) {
        setHeaderTitle(getTranslation("moderation.dialog.title." + action.name()));
        setWidth("min(36rem, 95vw)");
        category.setLabel(getTranslation("moderation.dialog.category"));
        category.setItems(FlagReason.values());
        category.setItemLabelGenerator(r -> getTranslation("flag.reason." + r.name()));
        category.setValue(suggested);
        category.setRequiredIndicatorVisible(true);
        reason.setLabel(getTranslation("moderation.dialog.reason"));
        reason.setHelperText(getTranslation("moderation.dialog.reasonHelp"));
        reason.setRequired(true);
        reason.setMaxLength(ReviewQueue.REASON_MAX);
        reason.setWidthFull();
        notify.setLabel(getTranslation("moderation.dialog.notify"));
        body.setLabel(getTranslation("moderation.dialog.body"));
        body.setWidthFull();
        body.setMinHeight("8rem");
        body.setVisible(text != null);
        if (text != null) {
            body.setValue(text);
        }
        destination.setLabel(getTranslation("topic.moveTo"));
        destination.setItems(categories);
        destination.setItemLabelGenerator(Category::name);
        destination.setVisible(action == ModerationAction.MOVE);
        confirm.setText(getTranslation("moderation.action." + action.name()));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (action == ModerationAction.SOFT_DELETE) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        confirm.addClickListener(e -> {
            try {
                decision.decide(category.getValue(), reason.getValue(), notify.getValue(),
                        text == null ? null : body.getValue(),
                        destination.getValue() == null ? null : destination.getValue().id());
                close();
                done.run();
            } catch (ModerationException ex) {
                String message = getTranslation(ex.messageKey(), ex.args());
                if ("reason".equals(ex.field())) {
                    reason.setErrorMessage(message);
                    reason.setInvalid(true);
                } else if ("body".equals(ex.field())) {
                    body.setErrorMessage(message);
                    body.setInvalid(true);
                } else if ("destination".equals(ex.field())) {
                    destination.setErrorMessage(message);
                    destination.setInvalid(true);
                } else if ("category".equals(ex.field())) {
                    category.setErrorMessage(message);
                    category.setInvalid(true);
                } else {
                    Notices.error(message);
                }
            }
        });
        var cancel = new Button(getTranslation("composer.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Paragraph(getTranslation("moderation.dialog.intro." + action.name())), body, destination, category,
                reason, notify);
        getFooter().add(cancel, confirm);
    }
}
