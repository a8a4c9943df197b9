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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.agora.account.CurrentUser;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollService;
import org.agora.shared.ui.MainLayout;

/** Polls and forecasts, newest first. */
@Route(value = "polls", layout = MainLayout.class)
@AnonymousAllowed
@Menu(title = "nav.polls", order = 20, icon = "vaadin:chart-3d")
class PollsView extends VerticalLayout implements HasDynamicTitle {
    final Div list = new Div();

    PollsView(PollService polls, PollAuthoring authoring) {
        addClassName("agora-page");
        var header = new HorizontalLayout(new H1(getTranslation("polls.title")));
        header.setAlignItems(Alignment.BASELINE);
        header.setWidthFull();
        if (CurrentUser.get().isPresent()) {
            var create = new Button(getTranslation("poll.newPoll"), e -> getUI().ifPresent(ui -> ui.navigate("polls/new")));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(create);
            var drafts = authoring.myDrafts();
            if (!drafts.isEmpty()) {
                var box = new Div();
                box.addClassName("agora-drafts");
                drafts.forEach(d -> box.add(new Div(new Anchor("/polls/" + d.id() + "/edit", d.question()))));
                add(header, new Details(getTranslation("poll.yourDrafts") + " (" + drafts.size() + ")", box));
            } else {
                add(header);
            }
        } else {
            add(header);
        }
        list.addClassName("agora-cards");
        polls.latest(100).forEach(p -> {
            var card = new Div();
            card.addClassName("agora-card");
            var kind = new Span(getTranslation("poll.kind." + p.kind().name()));
            kind.getElement().getThemeList().add("badge contrast");
            var status = new Span(p.resolution() != null ? getTranslation("poll.status.resolved", getTranslation("poll.resolve." + p.resolution()))
                    : getTranslation(p.closedAt(Instant.now()) ? "poll.status.closed" : "poll.status.open"));
            status.getElement().getThemeList().add(p.closedAt(Instant.now()) ? "badge" : "badge success");
            var meta = new Div(kind, status);
            meta.addClassName("agora-card-meta");
            card.add(meta, new com.vaadin.flow.component.html.H3(new Anchor("/polls/" + p.id(), p.question())));
            list.add(card);
        });
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("polls.title") + " · Agora";
    }
}
