package org.agora.poll.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Instant;
import org.agora.poll.PollService;
import org.agora.shared.ui.MainLayout;

/** Polls and forecasts, newest first. */
@Route(value = "polls", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.polls", order = 20, icon = "vaadin:chart-3d")
class PollsView extends VerticalLayout implements HasDynamicTitle {
    final Div list = new Div();

    PollsView(PollService polls) {
        addClassName("agora-page");
        list.addClassName("agora-cards");
        polls.latest(100).forEach(p -> {
            var card = new Div();
            card.addClassName("agora-card");
            var kind = new Span(getTranslation("poll.kind." + p.kind().name()));
            kind.getElement().getThemeList().add("badge contrast");
            var status = new Span(getTranslation(p.closedAt(Instant.now()) ? "poll.status.closed" : "poll.status.open"));
            status.getElement().getThemeList().add(p.closedAt(Instant.now()) ? "badge" : "badge success");
            var meta = new Div(kind, status);
            meta.addClassName("agora-card-meta");
            card.add(meta, new Anchor("/polls/" + p.id(), p.question()));
            list.add(card);
        });
        add(new H1(getTranslation("polls.title")), list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("polls.title") + " · Agora";
    }
}
