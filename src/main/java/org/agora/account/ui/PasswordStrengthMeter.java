package org.agora.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import org.agora.account.PasswordPolicy;

/** A meter under a new-password field: score 0..4 from nbvcxz and a word for it, announced politely. */
class PasswordStrengthMeter extends Div {
    final ProgressBar bar = new ProgressBar(0, 4, 0);
    final Span label = new Span();

    PasswordStrengthMeter() {
        addClassName("agora-strength");
        bar.getElement().setAttribute("aria-hidden", "true");
        label.getElement().setAttribute("aria-live", "polite");
        label.setId("password-strength");
        add(bar, label);
        show(null);
    }

    void show(PasswordPolicy.Strength strength) {
        bar.removeThemeVariants(ProgressBarVariant.LUMO_ERROR, ProgressBarVariant.LUMO_SUCCESS,
                ProgressBarVariant.LUMO_CONTRAST);
        if (strength == null) {
            bar.setValue(0);
            label.setText(getTranslation("password.meter.empty"));
            return;
        }
        bar.setValue(Math.max(0.3, strength.score()));
        bar.addThemeVariants(!strength.acceptable() ? ProgressBarVariant.LUMO_ERROR
                : strength.score() >= 3 ? ProgressBarVariant.LUMO_SUCCESS : ProgressBarVariant.LUMO_CONTRAST);
        String word = getTranslation("password.meter." + (strength.acceptable() ? strength.score() : "weak"));
        String text = strength.acceptable() ? word
                : word + ": " + getTranslation(strength.problemKey()) + (strength.hint() == null ? "" : " " + strength.hint());
        label.setText(text);
    }
}
