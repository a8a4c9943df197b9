package org.agora.debate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.agora.account.AccountService;
import org.agora.account.AccountStanding;
import org.agora.account.MemberSanctioned;
import org.agora.account.CurrentUser;
import org.agora.shared.filter.ContentFilter;
import org.agora.shared.filter.ContentRefused;
import org.agora.shared.filter.Links;
import org.springframework.beans.factory.ObjectProvider;
import org.agora.shared.text.Markdown;
import org.agora.shared.text.TextInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing in debates: starting threads, posting and replying with a stance, editing (with history),
 * deleting one's own posts and finding posts convincing. Every rule is checked here, whatever the caller.
 */
@Service
public class DebateService {
    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 20_000;
    public static final int TAGS_MAX = 5;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private final TopicRepository topics;
    private final PostRepository posts;
    private final PostingThrottle throttle;
    private final AccountService accounts;
    private final AccountStanding standing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ContentFilter> filters;
    private final org.agora.shared.metrics.AgoraMeters meters;

    DebateService(TopicRepository topics, PostRepository posts, PostingThrottle throttle, AccountService accounts,
                  AccountStanding standing, ApplicationEventPublisher events, Clock clock,
                  ObjectProvider<ContentFilter> filters, org.agora.shared.metrics.AgoraMeters meters) {
        this.filters = filters;
        this.meters = meters;
        this.standing = standing;
        this.topics = topics;
        this.posts = posts;
        this.throttle = throttle;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Starts a thread: its question, category, tags and an opening post taking a stance. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Topic startTopic(String rawTitle, long categoryId, List<String> rawTags, Stance stance, String rawBody,
                            UUID clientKey) {
        var me = CurrentUser.require();
        requireCanParticipate();
        String title = TextInput.clean(rawTitle);
        int length = TextInput.length(title);
        if (length < TITLE_MIN || length > TITLE_MAX || !HAS_WORD.matcher(title).find()) {
            throw new DebateException("title", "topic.titleLength", TITLE_MIN, TITLE_MAX, length);
        }
        topics.category(categoryId).orElseThrow(() -> new DebateException("category", "topic.categoryRequired"));
        if (stance == null) {
            throw new DebateException("stance", "post.stanceRequired");
        }
        List<String> tags = tags(rawTags);
        String body = body(rawBody);
        if (clientKey != null) {
            var existing = posts.findByClientKey(me.id().value(), clientKey);
            if (existing.isPresent()) {
                return topics.find(posts.find(existing.get()).orElseThrow().topicId()).orElseThrow();
            }
        }
        var checkedTitle = filter(ContentFilter.Field.TITLE, "title", title);
        title = checkedTitle.text();
        if (TextInput.length(title) > TITLE_MAX) { // a replacement may lengthen it
            throw new DebateException("title", "topic.titleLength", TITLE_MIN, TITLE_MAX, TextInput.length(title));
        }
        var checkedBody = filter(ContentFilter.Field.POST, "body", body);
        body = body(checkedBody.text());
        boolean newAccount = isNew();
        requireLinksAllowed(body, newAccount);
        throttle.take(me.id().value(), newAccount);
        Instant now = clock.instant();
        long topicId = topics.insert(categoryId, me.id().value(), title, Markdown.toPlainText(body, 280), tags, now);
        posts.insert(topicId, me.id().value(), null, stance, null, body, Markdown.toHtml(body), true, clientKey, now)
                .orElseThrow();
        topics.countPost(topicId, stance, false, now);
        meters.postSaved();
        events.publishEvent(new PostEvents.TopicStarted(topicId, me.id().value()));
        if (checkedTitle.held() || checkedBody.held()) {
            String why = checkedTitle.held() ? checkedTitle.reviewReason() : checkedBody.reviewReason();
            filters().holdForReview(new ContentFilter.Held("TOPIC", topicId, me.id().value(),
                    "/threads/" + topicId, why));
        }
        return topics.find(topicId).orElseThrow();
    }

    /**
     * Posts in a thread, or replies to a post in it ({@code parentId} and {@code relation} set). A second call
     * with the same {@code clientKey} (a double click) returns the first post instead of a copy.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Post post(long topicId, Long parentId, Stance stance, Relation relation, String rawBody, UUID clientKey) {
        var me = CurrentUser.require();
        requireCanParticipate();
        if (stance == null) {
            throw new DebateException("stance", "post.stanceRequired");
        }
        String body = body(rawBody);
        if (clientKey != null) {
            var existing = posts.findByClientKey(me.id().value(), clientKey);
            if (existing.isPresent()) {
                return posts.find(existing.get()).orElseThrow();
            }
        }
        boolean locked = topics.isLocked(topicId)
                .orElseThrow(() -> new DebateException(null, "topic.notFound"));
        if (locked) {
            throw new DebateException(null, "topic.locked");
        }
        requireSlowModeAllows(topicId, me);
        var checked = filter(ContentFilter.Field.POST, "body", body);
        body = body(checked.text());
        boolean newAccount = isNew();
        requireLinksAllowed(body, newAccount);
        Post parent = null;
        if (parentId != null) {
            parent = posts.find(parentId).filter(p -> p.topicId() == topicId)
                    .orElseThrow(() -> new DebateException(null, "post.parentNotFound"));
            if (relation == null) {
                throw new DebateException("relation", "post.relationRequired");
            }
            if (parent.opening()) {
                parent = null; // answering the opening post is taking part in the thread itself
                relation = null;
            }
        } else {
            relation = null;
        }
        throttle.take(me.id().value(), newAccount);
        Instant now = clock.instant();
        Long parentKey = parent == null ? null : parent.id();
        var inserted = posts.insert(topicId, me.id().value(), parentKey, stance, relation, body, Markdown.toHtml(body),
                false, clientKey, now);
        if (inserted.isEmpty()) {
            // the same draft was posted a moment ago by a concurrent request: that one counts, not this one
            return posts.find(posts.findByClientKey(me.id().value(), clientKey).orElseThrow()).orElseThrow();
        }
        long id = inserted.get();
        meters.postSaved();
        if (parent != null) {
            posts.countReply(parent.id(), 1);
        }
        Long parentAuthor = parent == null || parent.author().isSystem() ? null : parent.author().id();
        events.publishEvent(new PostEvents.PostCreated(topicId, id, me.id().value(), parentAuthor,
                Markdown.mentions(body)));
        // the thread's row is locked last, so posts in one busy thread hold it only for the commit
        topics.countPost(topicId, stance, true, now);
        if (checked.held()) {
            filters().holdForReview(new ContentFilter.Held("POST", id, me.id().value(),
                    "/threads/" + topicId + "#post-" + id, checked.reviewReason()));
        }
        return posts.find(id).orElseThrow();
    }

    /** In slow mode a member (staff are exempt) posts at most once per N minutes in the thread. */
    private void requireSlowModeAllows(long topicId, org.agora.account.AgoraUser me) {
        if (me.role().isStaff()) {
            return;
        }
        var controls = topics.controls(topicId).orElseThrow();
        Instant now = clock.instant();
        if (!controls.slowModeAt(now)) {
            return;
        }
        var last = posts.lastPostAt(topicId, me.id().value());
        if (last.isPresent()) {
            Instant next = last.get().plus(Duration.ofMinutes(controls.slowModeMinutes()));
            if (next.isAfter(now)) {
                long minutes = Math.max(1, Duration.between(now, next).toSeconds() / 60 + 1);
                throw new DebateException(null, "topic.slowMode", controls.slowModeMinutes(), minutes);
            }
        }
    }

    /** A silenced or suspended member may read but not write: said as a debate error, with why and until when. */
    private void requireCanParticipate() {
        try {
            standing.requireCanParticipate();
        } catch (MemberSanctioned e) {
            throw new DebateException(null, e.messageKey(), e.args());
        }
    }

    /** Edits one's own post; the previous text stays in the visible history. Refuses a stale edit. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Post edit(long postId, int version, String rawBody) {
        var me = CurrentUser.require();
        requireCanParticipate();
        String body = body(rawBody);
        var post = posts.find(postId).orElseThrow(() -> new DebateException(null, "post.notFound"));
        if (post.author().id() != me.id().value()) {
            throw new DebateException(null, "post.notYours");
        }
        if (post.deleted()) {
            throw new DebateException(null, "post.deleted");
        }
        var checked = filter(ContentFilter.Field.POST, "body", body);
        body = body(checked.text());
        if (post.body().equals(body)) {
            return post;
        }
        requireLinksAllowed(body, isNew());
        if (!posts.edit(postId, me.id().value(), version, body, Markdown.toHtml(body), clock.instant())) {
            throw new DebateException("body", "post.changedElsewhere");
        }
        events.publishEvent(new PostEvents.PostChanged(post.topicId(), postId));
        if (checked.held()) {
            filters().holdForReview(post.opening()
                    ? new ContentFilter.Held("TOPIC", post.topicId(), me.id().value(), "/threads/" + post.topicId(),
                            checked.reviewReason())
                    : new ContentFilter.Held("POST", postId, me.id().value(),
                            "/threads/" + post.topicId() + "#post-" + postId, checked.reviewReason()));
        }
        return posts.find(postId).orElseThrow();
    }

    /** Deletes one's own post: it shows as "deleted by its author", its replies stay. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void delete(long postId) {
        var me = CurrentUser.require();
        var post = posts.find(postId).orElseThrow(() -> new DebateException(null, "post.notFound"));
        if (post.opening()) {
            throw new DebateException(null, "post.openingCannotBeDeleted");
        }
        if (!posts.softDelete(postId, me.id().value(), clock.instant())) {
            throw new DebateException(null, post.deleted() ? "post.deleted" : "post.notYours");
        }
        topics.uncountPost(post.topicId(), post.stance(), true);
        events.publishEvent(new PostEvents.PostChanged(post.topicId(), postId));
    }

    /** Marks a post convincing, or takes the mark back. @return whether the member now finds it convincing */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean toggleConvincing(long postId) {
        var me = CurrentUser.require();
        var post = posts.find(postId).orElseThrow(() -> new DebateException(null, "post.notFound"));
        if (post.author().id() == me.id().value()) {
            throw new DebateException(null, "post.ownConvincing");
        }
        if (post.deleted()) {
            throw new DebateException(null, "post.deleted");
        }
        boolean now;
        if (post.hidden()) {
            // a post moderators hid takes no new marks (found by CraftedUidlTest: only the disabled button said so);
            // a member may still take back one they gave before it was hidden
            if (!posts.removeReaction(postId, me.id().value())) {
                throw new DebateException(null, "post.hiddenConvincing");
            }
            now = false;
        } else if (posts.addReaction(postId, me.id().value(), clock.instant())) {
            now = true;
        } else {
            posts.removeReaction(postId, me.id().value());
            now = false;
        }
        events.publishEvent(new PostEvents.PostChanged(post.topicId(), postId));
        return now;
    }

    /**
     * Whether the signed-in member's account is new: younger than the filter's hours or with fewer approved
     * (neither deleted nor hidden) posts than it asks for. New accounts post under a stricter rate and link limit.
     */
    boolean isNew() {
        var limits = filters().newAccountLimits();
        return accounts.current().map(a -> limits.isNew(a.createdAt(), upTo -> posts.approvedCount(a.id().value(), upTo),
                clock.instant())).orElse(true);
    }

    private void requireLinksAllowed(String body, boolean newAccount) {
        if (!newAccount) {
            return;
        }
        int max = filters().newAccountLimits().links();
        int links = Links.count(body);
        if (links > max) {
            throw new DebateException("body", "post.tooManyLinks", max, links);
        }
    }

    private ContentFilter filters() {
        return filters.getIfAvailable(() -> ContentFilter.NONE);
    }

    /** The text the filters let through (words replaced), or the refusal as a debate error on the field. */
    private ContentFilter.Checked filter(ContentFilter.Field field, String formField, String text) {
        try {
            return filters().check(field, text);
        } catch (ContentRefused e) {
            throw new DebateException(formField, e.messageKey(), e.args());
        }
    }

    static String body(String raw) {
        if (raw != null && raw.length() > BODY_MAX * 4) {
            throw new DebateException("body", "post.tooLong", BODY_MAX, raw.length());
        }
        String body = TextInput.clean(raw, true);
        int length = TextInput.length(body);
        if (length == 0 || TextInput.isBlank(body)) {
            throw new DebateException("body", "post.empty");
        }
        if (length > BODY_MAX) {
            throw new DebateException("body", "post.tooLong", BODY_MAX, length);
        }
        return body;
    }

    static List<String> tags(List<String> raw) {
        var tags = new LinkedHashSet<String>();
        for (String t : raw == null ? List.<String>of() : raw) {
            tag(t).ifPresent(tags::add);
        }
        if (tags.size() > TAGS_MAX) {
            throw new DebateException("tags", "topic.tooManyTags", TAGS_MAX);
        }
        return List.copyOf(tags);
    }

    /**
     * A tag as a member typed it, the way threads keep it (lowercase, spaces as dashes); empty if blank.
     *
     * @throws DebateException {@code topic.tagInvalid} (naming at most the first 40 characters of what was typed)
     *                         unless it is 1 to 30 lowercase letters, digits or dashes
     */
    public static java.util.Optional<String> tag(String raw) {
        String tag = TextInput.clean(raw == null ? "" : raw).toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (tag.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (!TAG.matcher(tag).matches()) {
            throw new DebateException("tags", "topic.tagInvalid", TextInput.first(tag, 40));
        }
        return java.util.Optional.of(tag);
    }
}
