package org.agora.debate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.account.CurrentUser;
import org.agora.debate.ArgumentMap;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.LiveTopics;
import org.agora.debate.NotificationService;
import org.agora.debate.Post;
import org.agora.debate.PostFlagging;
import org.agora.debate.Revision;
import org.agora.debate.Topic;
import org.agora.shared.ui.Dates;
import org.agora.shared.ui.MainLayout;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A thread: the question and its opening post, then the debate, as a timeline (chronological, like Discourse)
 * or as an argument map (pro and con columns with replies nested under what they support or challenge, like
 * Kialo). The chosen view is remembered in the browser.
 */
@Route(value = "threads/:id([0-9]{1,18})/:slug?", layout = MainLayout.class)
@AnonymousAllowed
class TopicView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, PostCard.Actions {
    static final int PAGE = 50;
    static final String VIEW_COOKIE = "agora-debate-view";

    final H1 title = new H1();
    final Paragraph summary = new Paragraph();
    final Div meta = new Div();
    final Div opening = new Div();
    final ModeSwitch modes;
    final Button timelineTab;
    final Button mapTab;
    final Div timeline = new Div();
    final Button more = new Button();
    final Div map = new Div();
    final Div composerSlot = new Div();
    final Button liveNotice = new Button();
    final Button follow = new Button();
    final Button jumpToUnread = new Button();
    private final DebateCatalog catalog;
    private final DebateService debates;
    private final LiveTopics live;
    private Runnable unwatch;
    private Topic topic;
    private Set<Long> convinced = Set.of();
    private Post lastLoaded;
    private Composer composer;
    private Composer replyComposer;

    private final NotificationService notifications;
    private final org.agora.poll.PollService polls;
    private final PostFlagging flagging;
    private final org.agora.debate.ThreadControls threadControls;
    private final org.agora.account.StaffSecurity staffSecurity;
    private final java.time.Clock clock;
    /** Staff's lock and slow-mode controls, only for staff with two factors. */
    final Div controlsSlot = new Div();
    final Div pollSlot = new Div();
    final Paragraph hiddenNotice = new Paragraph();
    private final Section debate;

    TopicView(DebateCatalog catalog, DebateService debates, LiveTopics live, NotificationService notifications,
              org.agora.poll.PollService polls, ObjectProvider<PostFlagging> flagging,
              org.agora.debate.ThreadControls threadControls, org.agora.account.StaffSecurity staffSecurity,
              java.time.Clock clock) {
        this.threadControls = threadControls;
        this.staffSecurity = staffSecurity;
        this.clock = clock;
        this.polls = polls;
        this.flagging = flagging.getIfAvailable();
        this.catalog = catalog;
        this.debates = debates;
        this.live = live;
        this.notifications = notifications;
        jumpToUnread.addClickListener(e -> jumpToFirstUnread());
        follow.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        follow.setTooltipText(getTranslation("topic.follow.help"));
        follow.addClickListener(e -> {
            notifications.setFollowing(topic.id(), !notifications.isFollowing(topic.id()));
            updateFollow();
        });
        addClassName("agora-page");
        addClassName("agora-topic");
        meta.addClassName("agora-card-meta");
        summary.setVisible(false);
        modes = new ModeSwitch(getTranslation("topic.viewAs"));
        timelineTab = modes.addMode(getTranslation("topic.timeline"));
        mapTab = modes.addMode(getTranslation("topic.map"));
        modes.addSelectedChangeListener(() -> {
            boolean asMap = modes.getSelectedTab() == mapTab;
            rememberMode(asMap ? "map" : "timeline");
            render();
        });
        more.setText(getTranslation("topic.more"));
        more.addClickListener(e -> loadMore());
        timeline.addClassName("agora-timeline");
        map.addClassName("agora-map");
        jumpToUnread.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        jumpToUnread.setVisible(false);
        jumpToUnread.setId("jump-to-unread");
        liveNotice.setText(getTranslation("topic.liveNotice"));
        liveNotice.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        liveNotice.setVisible(false);
        liveNotice.addClickListener(e -> refresh());
        liveNotice.getElement().setAttribute("aria-live", "polite");
        debate = new Section(new H2(getTranslation("topic.debate")), jumpToUnread, modes, liveNotice, timeline, more, map);
        debate.addClassName("agora-debate");
        pollSlot.setWidthFull();
        hiddenNotice.addClassName("agora-post-hidden-notice");
        hiddenNotice.setVisible(false);
        add(meta, title, hiddenNotice, summary, pollSlot, opening, debate, composerSlot, controlsSlot);
    }

    static RouteParameters parameters(Topic topic) {
        return new RouteParameters(Map.of("id", String.valueOf(topic.id()), "slug", topic.slug()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        topic = catalog.find(id).orElseThrow(NotFoundException::new);
        String mode = org.agora.shared.ui.Preferences.rememberedInBrowser(VIEW_COOKIE).orElse(null);
        modes.select("map".equals(mode) ? mapTab : timelineTab);
        refresh();
        pollSlot.removeAll();
        if (topic.withheld()) {
            return;
        }
        polls.forTopic(topic.id()).ifPresent(p -> pollSlot.add(new org.agora.poll.ui.PollCard(polls, p)));
        offerJumpToUnread();
        if (isAttached()) {
            watch();
        }
    }

    /** On a return visit, offers to jump to the first post written since; then notes the thread as seen. */
    private void offerJumpToUnread() {
        jumpToUnread.setVisible(false);
        notifications.unreadIn(topic.id()).ifPresent(unread -> {
            jumpToUnread.setText(getTranslation("topic.jumpToUnread", unread.count()));
            jumpToUnread.setVisible(true);
            firstUnreadAt = unread.firstAt();
        });
        notifications.markSeen(topic.id());
    }

    private java.time.Instant firstUnreadAt;

    void jumpToFirstUnread() {
        if (firstUnreadAt == null) {
            return;
        }
        if (modes.getSelectedTab() != timelineTab) {
            modes.setSelectedTab(timelineTab);
        }
        // load pages until the first unread post is on screen, then scroll to it
        Post target = null;
        for (int guard = 0; guard < 1_000 && target == null; guard++) {
            target = cardsInTimeline().stream().map(PostCard::post)
                    .filter(p -> !p.createdAt().isBefore(firstUnreadAt)).findFirst().orElse(null);
            if (target == null && more.isVisible()) {
                loadMore();
            } else if (target == null) {
                break;
            }
        }
        if (target != null) {
            UI.getCurrent().getPage().executeJs(
                    "const e = document.getElementById($0); if (e) { e.scrollIntoView({block: 'start'}); e.focus(); }",
                    "post-" + target.id());
        }
        jumpToUnread.setVisible(false);
    }

    private List<PostCard> cardsInTimeline() {
        return timeline.getChildren().filter(PostCard.class::isInstance).map(PostCard.class::cast).toList();
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        watch();
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (unwatch != null) {
            unwatch.run();
            unwatch = null;
        }
    }

    /** Follows this thread live: changes made anywhere (any node) arrive here through push. */
    private void watch() {
        if (unwatch != null) {
            unwatch.run();
        }
        var ui = UI.getCurrent();
        long watched = topic.id();
        unwatch = live.watch(watched, postId -> ui.access(() -> {
            if (topic != null && topic.id() == watched) {
                onLive(postId);
            }
        }));
    }

    /**
     * A post was created or changed: in the timeline, a new post is appended and a changed one replaced in place
     * (unless its author is editing it); the map offers a refresh instead of moving posts under the reader.
     */
    void onLive(long postId) {
        topic = catalog.find(topic.id()).orElse(topic);
        if (topic.withheld()) {
            renderWithheld();
            return;
        }
        convinced = catalog.convincedPosts(topic.id());
        renderHeader();
        if (modes.getSelectedTab() == mapTab) {
            liveNotice.setVisible(true);
            return;
        }
        PostCard card = findCard(postId);
        if (card != null) {
            if (!card.editing()) {
                catalog.post(postId).ifPresent(p -> {
                    var parent = card.getElement().getParent();
                    parent.setChild(parent.indexOfChild(card.getElement()), new PostCard(p, this).getElement());
                });
            }
        } else if (!more.isVisible()) {
            loadMore();
        }
    }

    void refresh() {
        topic = catalog.find(topic.id()).orElseThrow(NotFoundException::new);
        if (topic.withheld()) {
            renderWithheld();
            return;
        }
        convinced = catalog.convincedPosts(topic.id());
        liveNotice.setVisible(false);
        renderHeader();
        render();
        renderComposer();
    }

    /** A thread moderators hid, for a reader who may not see it: a notice and nothing of its content. */
    private void renderWithheld() {
        title.setText(getTranslation("topic.hiddenByModerators"));
        hiddenNotice.setText(getTranslation("topic.hiddenExplained"));
        hiddenNotice.setVisible(true);
        meta.removeAll();
        summary.setVisible(false);
        opening.removeAll();
        timeline.removeAll();
        map.removeAll();
        pollSlot.removeAll();
        composerSlot.removeAll();
        debate.setVisible(false);
    }

    private void renderHeader() {
        debate.setVisible(true);
        hiddenNotice.setVisible(topic.hidden());
        if (topic.hidden()) {
            hiddenNotice.setText(getTranslation("topic.hiddenNotice", topic.hiddenReason()));
        }
        title.setText(topic.title());
        meta.removeAll();
        var category = new Span(topic.category().name());
        category.getElement().getThemeList().add("badge");
        meta.add(category);
        topic.tags().forEach(t -> {
            var tag = new Anchor("/threads?tag=" + t, "#" + t);
            tag.addClassName("agora-tag");
            meta.add(tag);
        });
        meta.add(new StanceBar(topic.pro(), topic.con(), topic.neutral()),
                new Span(getTranslation("topic.counts", topic.replies(), Dates.date(topic.lastActivityAt(), getLocale()))));
        if (signedIn()) {
            updateFollow();
            meta.add(follow);
        }
    }

    private void updateFollow() {
        boolean following = notifications.isFollowing(topic.id());
        follow.setText(getTranslation(following ? "topic.unfollow" : "topic.follow"));
        follow.setIcon(following ? com.vaadin.flow.component.icon.VaadinIcon.BELL.create()
                : com.vaadin.flow.component.icon.VaadinIcon.BELL_O.create());
        follow.getElement().setAttribute("aria-pressed", String.valueOf(following));
    }

    private void render() {
        timeline.removeAll();
        map.removeAll();
        opening.removeAll();
        replyComposer = null;
        lastLoaded = null;
        boolean asMap = modes.getSelectedTab() == mapTab;
        timeline.setVisible(!asMap);
        more.setVisible(false);
        map.setVisible(asMap);
        if (asMap) {
            renderMap(catalog.argumentMap(topic.id()));
        } else {
            loadMore();
        }
    }

    void loadMore() {
        List<Post> page = catalog.timeline(topic.id(), lastLoaded, PAGE);
        for (Post p : page) {
            if (p.opening()) {
                opening.add(new PostCard(p, this));
            } else {
                timeline.add(new PostCard(p, this));
            }
        }
        if (!page.isEmpty()) {
            lastLoaded = page.getLast();
        }
        more.setVisible(page.size() == PAGE);
    }

    private void renderMap(ArgumentMap argumentMap) {
        if (argumentMap.opening() != null) {
            opening.add(new PostCard(argumentMap.opening(), this));
        }
        map.add(column("map.pro", "agora-map-pro", argumentMap.pro()),
                column("map.con", "agora-map-con", argumentMap.con()));
        if (!argumentMap.neutral().isEmpty()) {
            map.add(column("map.neutral", "agora-map-neutral", argumentMap.neutral()));
        }
    }

    private Component column(String titleKey, String className, List<ArgumentMap.Node> nodes) {
        var column = new Section();
        column.addClassName("agora-map-column");
        column.addClassName(className);
        var heading = new com.vaadin.flow.component.html.H3(getTranslation(titleKey, nodes.size()));
        column.add(heading);
        if (nodes.isEmpty()) {
            column.add(new Paragraph(getTranslation("map.empty")));
        }
        nodes.forEach(n -> column.add(node(n)));
        return column;
    }

    private Component node(ArgumentMap.Node node) {
        var box = new Div(new PostCard(node.post(), this));
        box.addClassName("agora-map-node");
        if (!node.children().isEmpty()) {
            var children = new Div();
            children.addClassName("agora-map-children");
            node.children().forEach(c -> children.add(node(c)));
            box.add(children);
        }
        return box;
    }

    private void renderComposer() {
        controlsSlot.removeAll();
        if (staffSecurity.staffWithTwoFactor()) {
            controlsSlot.add(new ThreadControlsPanel(threadControls, topic.id(), clock, this::refresh,
                    catalog.categories(), topic.category()));
        }
        composerSlot.removeAll();
        composer = null;
        if (topic.locked()) {
            composerSlot.add(new Paragraph(getTranslation("topic.lockedNotice")));
        } else if (!signedIn()) {
            var prompt = new Paragraph(getTranslation("topic.signInPrompt") + " ");
            prompt.setId("sign-in-prompt");
            prompt.add(new Anchor("/login", getTranslation("shell.login")), new Span(" · "),
                    new Anchor("/register", getTranslation("shell.register")));
            composerSlot.add(prompt);
        } else {
            composer = new Composer(debates, topic.id(), null, this::posted, null);
            composer.setId("composer");
            composerSlot.add(composer);
        }
    }

    private void posted(Post post) {
        refresh();
        UI.getCurrent().getPage().executeJs(
                "const e = document.getElementById($0); if (e) { e.scrollIntoView({block: 'center'}); e.focus(); }",
                "post-" + post.id());
    }

    // --- PostCard.Actions

    @Override
    public boolean signedIn() {
        return CurrentUser.get().isPresent();
    }

    @Override
    public long me() {
        return CurrentUser.get().map(u -> u.id().value()).orElse(-1L);
    }

    @Override
    public boolean convinced(long postId) {
        return convinced.contains(postId);
    }

    @Override
    public void reply(Post post) {
        if (replyComposer != null) {
            replyComposer.getElement().removeFromParent();
        }
        var card = findCard(post.id());
        replyComposer = new Composer(debates, topic.id(), post, this::posted, () -> {
            replyComposer.getElement().removeFromParent();
            replyComposer = null;
        });
        replyComposer.setId("reply-composer");
        if (card != null) {
            var parent = card.getElement().getParent();
            parent.insertChild(parent.indexOfChild(card.getElement()) + 1, replyComposer.getElement());
        } else {
            composerSlot.addComponentAsFirst(replyComposer);
        }
        replyComposer.body.focus();
    }

    @Override
    public void quote(Post post) {
        if (composer != null) {
            composer.quote(post);
        }
    }

    @Override
    public void toggleConvincing(Post post) {
        try {
            debates.toggleConvincing(post.id());
            refresh();
        } catch (DebateException e) {
            DebateErrors.show(this, e, Map.of());
        }
    }

    @Override
    public void changed(Post post) {
        refresh();
    }

    @Override
    public List<Revision> revisions(long postId) {
        return catalog.revisions(postId);
    }

    @Override
    public DebateService debates() {
        return debates;
    }

    @Override
    public boolean canFlag() {
        return flagging != null && signedIn();
    }

    @Override
    public void flag(Post post) {
        if (canFlag()) {
            new FlagDialog(flagging, post).open();
        }
    }

    private PostCard findCard(long postId) {
        var found = new ArrayList<PostCard>();
        collect(this, postId, found);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static void collect(Component root, long postId, List<PostCard> found) {
        root.getChildren().forEach(c -> {
            if (c instanceof PostCard card && card.post().id() == postId) {
                found.add(card);
            } else {
                collect(c, postId, found);
            }
        });
    }

    private void rememberMode(String mode) {
        getUI().ifPresent(ui -> org.agora.shared.ui.Preferences.rememberInBrowser(ui, VIEW_COOKIE, mode));
    }

    @Override
    public String getPageTitle() {
        if (topic == null) {
            return "Agora";
        }
        return (topic.withheld() ? getTranslation("topic.hiddenByModerators") : topic.title()) + " · Agora";
    }
}
