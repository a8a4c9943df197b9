package org.agora.poll.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.shared.ui.MainLayout;

/** Where polls and forecasts will be listed; says honestly that voting is coming up. */
@Route(value = "polls", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.polls", order = 20, icon = "vaadin:chart-3d")
class PollsView extends VerticalLayout implements HasDynamicTitle {
    PollsView() {
        addClassName("agora-page");
        add(new H1(getTranslation("polls.title")), new Paragraph(getTranslation("polls.comingUp")),
                new Anchor("/", getTranslation("polls.seeQuestions")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("polls.title") + " · Agora";
    }
}
