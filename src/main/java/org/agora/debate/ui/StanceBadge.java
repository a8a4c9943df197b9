package org.agora.debate.ui;

import com.vaadin.flow.component.html.Span;
import org.agora.debate.Stance;

/** "Pro", "Con" or "Neutral", coloured and worded (never colour alone). */
class StanceBadge extends Span {
    StanceBadge(Stance stance) {
        setText(getTranslation("stance." + stance.name()));
        getElement().getThemeList().add(switch (stance) {
            case PRO -> "badge success";
            case CON -> "badge error";
            case NEUTRAL -> "badge contrast";
        });
        addClassName("agora-stance-badge");
    }
}
