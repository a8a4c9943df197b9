package org.agora.poll.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.agora.poll.ForecastResolution;
import org.agora.poll.Poll;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollEmbedding;
import org.agora.poll.PollInsights;
import org.agora.poll.PollService;
import org.agora.shared.ui.MainLayout;

/**
 * One poll on its own page: the ballot and live results, the author's and moderators' controls, and what Agora
 * shows beyond the tally (history, split by side, how minds moved, cross-tab), with exports and a link to the
 * thread that debates its question.
 */
@Route(value = "polls/:id([0-9]{1,18})", layout = MainLayout.class)
@AnonymousAllowed
class PollView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    final H1 title = new H1();
    private final PollService polls;
    private final PollAuthoring authoring;
    private final ForecastResolution resolution;
    private final PollInsights insights;
    private final PollEmbedding embedding;
    final com.vaadin.flow.component.button.Button embed = new com.vaadin.flow.component.button.Button();
    final com.vaadin.flow.component.html.Span readers = new com.vaadin.flow.component.html.Span();
    private Poll poll;
    PollCard card;
    PollManagePanel manage;
    PollInsightsPanel details;

    private final org.agora.poll.PollModeration moderation;

    PollView(PollService polls, PollAuthoring authoring, ForecastResolution resolution, PollInsights insights,
             org.agora.poll.PollModeration moderation, PollEmbedding embedding) {
        this.moderation = moderation;
        this.embedding = embedding;
        this.polls = polls;
        this.authoring = authoring;
        this.resolution = resolution;
        this.insights = insights;
        addClassName("agora-narrow");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        poll = polls.find(id).orElseThrow(NotFoundException::new);
        render();
    }

    private void render() {
        poll = polls.find(poll.id()).orElse(poll);
        removeAll();
        title.setText(getTranslation("poll.pageTitle"));
        card = new PollCard(polls, poll);
        add(title, card);
        if (poll.isDraft()) {
            add(new Anchor("/polls/" + poll.id() + "/edit", getTranslation("poll.editDraft")));
            return;
        }
        manage = null;
        if (PollManagePanel.shownFor(poll)) {
            manage = new PollManagePanel(authoring, resolution, moderation, poll, this::render);
            add(manage);
        }
        long readerVotes = embedding.readerTally(poll.id()).voters();
        if (readerVotes > 0 || embedding.settings(poll.id()).embeddable()) {
            readers.setText(getTranslation("embed.readers", readerVotes));
            readers.addClassName("agora-muted");
            add(readers);
        }
        if (PollEmbedding.canManage(poll)) {
            embed.setText(getTranslation("embed.button"));
            embed.setIcon(com.vaadin.flow.component.icon.VaadinIcon.CODE.create());
            embed.addClickListener(e -> new EmbedDialog(embedding, poll).open());
            add(embed);
        }
        details = new PollInsightsPanel(insights, resolution, poll);
        add(details);
        var links = new Div(new Anchor("/api/v1/polls/" + poll.id() + "/results.csv", getTranslation("poll.exportCsv")),
                new Anchor("/api/v1/polls/" + poll.id(), getTranslation("poll.exportJson")));
        links.addClassName("agora-links");
        links.getChildren().forEach(a -> ((Anchor) a).setRouterIgnore(true));
        if (poll.topicId() != null) {
            links.add(new Anchor("/threads/" + poll.topicId(), getTranslation("poll.debateIt")));
        }
        add(links);
    }

    @Override
    public String getPageTitle() {
        return poll == null ? "Agora" : poll.question() + " · Agora";
    }
}
