package org.agora.moderation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.agora.account.AccountSanctions;
import org.agora.moderation.ModerationException;

/** Asks for the reason of a decision about a member (shown to them) and, for timed sanctions, how many days. */
class ReasonDialog extends Dialog {
    interface Decision {
        void decide(String reason, Integer days);
    }

    final TextArea reason = new TextArea();
    final IntegerField days = new IntegerField();
    final Button confirm = new Button();

    /** @param defaultDays the proposed number of days, or null when the decision has no duration */
    ReasonDialog(String title, String confirmText, Integer defaultDays, Decision decision, Runnable done) {
        setHeaderTitle(title);
        setWidth("min(36rem, 95vw)");
        reason.setLabel(getTranslation("moderation.dialog.reason"));
        reason.setHelperText(getTranslation("members.reasonHelp"));
        reason.setRequired(true);
        reason.setMaxLength(AccountSanctions.REASON_MAX);
        reason.setWidthFull();
        days.setLabel(getTranslation("members.days"));
        days.setMin(1);
        days.setMax(365);
        days.setStepButtonsVisible(true);
        days.setValue(defaultDays);
        days.setVisible(defaultDays != null);
        confirm.setText(confirmText);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                decision.decide(reason.getValue(), days.isVisible() ? days.getValue() : null);
                close();
                done.run();
            } catch (ModerationException ex) {
                String message = getTranslation(ex.messageKey(), ex.args());
                if ("reason".equals(ex.field())) {
                    reason.setErrorMessage(message);
                    reason.setInvalid(true);
                } else if ("duration".equals(ex.field())) {
                    days.setErrorMessage(message);
                    days.setInvalid(true);
                } else {
                    Notices.error(message);
                }
            }
        });
        var cancel = new Button(getTranslation("members.cancel"), e -> close());
        add(reason, days);
        getFooter().add(cancel, confirm);
    }
}
