package org.agora.debate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The balance of a thread: pro, con and neutral posts as a small proportional bar with a text equivalent. */
class StanceBar extends Div {
    StanceBar(int pro, int con, int neutral) {
        addClassName("agora-stance-bar");
        int total = Math.max(1, pro + con + neutral);
        String label = getTranslation("stance.balance", pro, con, neutral);
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
        getElement().setAttribute("title", label);
        add(segment("pro", pro, total), segment("con", con, total), segment("neutral", neutral, total));
    }

    private static Span segment(String kind, int count, int total) {
        var s = new Span();
        s.addClassName("agora-stance-" + kind);
        s.getStyle().set("width", (100.0 * count / total) + "%");
        return s;
    }
}
