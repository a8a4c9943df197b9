package org.agora.poll.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.poll.Poll;
import org.agora.poll.PollService;
import org.agora.shared.ui.MainLayout;

/** One poll on its own page, with a link to the thread that debates its question. */
@Route(value = "polls/:id([0-9]{1,18})", layout = MainLayout.class)
@AnonymousAllowed
class PollView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final H1 title = new H1();
    private final PollService polls;
    private Poll poll;
    PollCard card;

    PollView(PollService polls) {
        this.polls = polls;
        addClassName("agora-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        poll = polls.find(id).orElseThrow(NotFoundException::new);
        removeAll();
        title.setText(getTranslation("poll.pageTitle"));
        card = new PollCard(polls, poll);
        add(title, card);
        if (poll.topicId() != null) {
            add(new Anchor("/threads/" + poll.topicId(), getTranslation("poll.debateIt")));
        }
    }

    @Override
    public String getPageTitle() {
        return poll == null ? "Agora" : poll.question() + " · Agora";
    }
}
