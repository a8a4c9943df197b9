package org.agora.debate;

import java.time.Clock;
import java.util.Optional;
import org.agora.shared.text.Markdown;
import org.agora.shared.text.TextInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators may do to posts and threads, and the only way the moderation feature changes debate content:
 * hide (kept for the author and staff, "hidden by moderators" for everyone else), restore, and remove (a soft
 * delete with a reason). Hiding a thread takes it out of every list; hiding or removing an opening post acts on
 * its thread. Every method is for moderators (and admins, who hold the moderator role too).
 *
 * <p>Each change is announced as {@link PostEvents.PostChanged}, so open thread pages redraw without the text.
 * Methods answer whether anything changed (hiding hidden content changes nothing).
 */
@Service
public class PostModeration {
    public static final int REASON_MAX = 500;

    private final PostRepository posts;
    private final TopicRepository topics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostModeration(PostRepository posts, TopicRepository topics, ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.topics = topics;
        this.events = events;
        this.clock = clock;
    }

    /** Hides a post; an opening post hides its whole thread. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean hidePost(long postId, String reason) {
        var post = post(postId);
        if (post.opening()) {
            return hideTopic(post.topicId(), reason);
        }
        boolean changed = posts.hide(postId, reason(reason), clock.instant());
        changed(post, changed);
        return changed;
    }

    /** Shows a hidden post again and brings it back if moderators had removed it; an opening post: its thread. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean restorePost(long postId) {
        var post = post(postId);
        if (post.opening()) {
            return restoreTopic(post.topicId());
        }
        boolean changed = posts.unhide(postId);
        if (posts.unremove(postId)) {
            topics.countPost(post.topicId(), post.stance(), true, post.createdAt());
            changed = true;
        }
        changed(post, changed);
        return changed;
    }

    /** Removes a post: it shows as "removed by moderators", its replies stay. An opening post: its thread. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean softDeletePost(long postId, String reason) {
        var post = post(postId);
        if (post.opening()) {
            return softDeleteTopic(post.topicId(), reason);
        }
        boolean changed = posts.remove(postId, reason(reason), clock.instant());
        if (changed) {
            topics.uncountPost(post.topicId(), post.stance(), true);
        }
        changed(post, changed);
        return changed;
    }

    /** Hides a thread: it leaves every list, search and feed; its page says "hidden by moderators". */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean hideTopic(long topicId, String reason) {
        topic(topicId);
        boolean changed = topics.hide(topicId, reason(reason), clock.instant());
        topicChanged(topicId, changed);
        return changed;
    }

    /** Shows a hidden thread again, and its opening post if moderators had removed it. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean restoreTopic(long topicId) {
        topic(topicId);
        boolean changed = topics.restore(topicId);
        var opening = opening(topicId);
        if (opening.isPresent() && posts.unremove(opening.get().id())) {
            topics.countPost(topicId, opening.get().stance(), false, opening.get().createdAt());
            changed = true;
        }
        topicChanged(topicId, changed);
        return changed;
    }

    /** Removes a thread: hidden, and its opening post removed (the replies stay, unlisted with the thread). */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean softDeleteTopic(long topicId, String reason) {
        topic(topicId);
        String why = reason(reason);
        boolean changed = topics.hide(topicId, why, clock.instant());
        var opening = opening(topicId);
        if (opening.isPresent() && posts.remove(opening.get().id(), why, clock.instant())) {
            topics.uncountPost(topicId, opening.get().stance(), false);
            changed = true;
        }
        topicChanged(topicId, changed);
        return changed;
    }

    /** A moderator's edit: the text before and after (equal when nothing changed). */
    public record Edited(long postId, long topicId, String before, String after) {
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /**
     * Edits someone's post as a moderator (e.g. to cut a personal attack, keeping the argument): the old text stays
     * in the post's visible history, marked as replaced by staff. Deleted posts cannot be edited.
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public Edited editPost(long postId, String rawBody) {
        var post = post(postId);
        if (post.deleted()) {
            throw new DebateException(null, "post.deleted");
        }
        String body = DebateService.body(rawBody);
        if (post.body().equals(body)) {
            return new Edited(postId, post.topicId(), post.body(), body);
        }
        if (!posts.staffEdit(postId, post.version(), body, Markdown.toHtml(body), clock.instant())) {
            throw new DebateException("body", "post.changedElsewhere");
        }
        events.publishEvent(new PostEvents.PostChanged(post.topicId(), postId));
        return new Edited(postId, post.topicId(), post.body(), body);
    }

    /** The full text of a post, for a moderator about to edit it. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<String> postBody(long postId) {
        return posts.find(postId).map(Post::body);
    }

    /** The opening post of a thread (for moderators acting on a flagged thread's text). */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<Long> openingPostOf(long topicId) {
        return opening(topicId).map(Post::id);
    }

    /** A post as moderators see it, hidden text included. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<ModeratedContent> describePost(long postId) {
        return posts.find(postId).flatMap(p -> topics.find(p.topicId()).map(t -> new ModeratedContent("POST", p.id(),
                t.id(), t.title(), p.author().isSystem() ? null : p.author().id(), p.author().displayName(),
                Markdown.toPlainText(p.body(), 400), "/" + t.path() + "#post-" + p.id(), p.createdAt(), p.hidden(),
                p.removedByModerators(), p.author().isSystem() ? "" : p.author().username())));
    }

    /** A thread as moderators see it: its title and the start of its opening post. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<ModeratedContent> describeTopic(long topicId) {
        return topics.find(topicId).map(t -> {
            var opening = opening(topicId);
            String excerpt = opening.map(p -> Markdown.toPlainText(p.body(), 400)).orElse("");
            String author = opening.map(p -> p.author().displayName()).orElse("");
            return new ModeratedContent("TOPIC", t.id(), t.id(), t.title(), t.authorId(), author, excerpt,
                    "/" + t.path(), t.createdAt(), t.hidden(), opening.map(Post::removedByModerators).orElse(false),
                    opening.filter(p -> !p.author().isSystem()).map(p -> p.author().username()).orElse(""));
        });
    }

    private Post post(long postId) {
        return posts.find(postId).orElseThrow(() -> new DebateException(null, "post.notFound"));
    }

    private void topic(long topicId) {
        topics.find(topicId).orElseThrow(() -> new DebateException(null, "topic.notFound"));
    }

    private Optional<Post> opening(long topicId) {
        return posts.openings(java.util.List.of(topicId)).stream().findFirst();
    }

    private void changed(Post post, boolean changed) {
        if (changed) {
            events.publishEvent(new PostEvents.PostChanged(post.topicId(), post.id()));
        }
    }

    private void topicChanged(long topicId, boolean changed) {
        if (changed) {
            opening(topicId).ifPresent(p -> events.publishEvent(new PostEvents.PostChanged(topicId, p.id())));
        }
    }

    /** The reason shown to the author: required, cleaned, at most {@link #REASON_MAX} characters. */
    static String reason(String raw) {
        String reason = TextInput.clean(raw, true);
        if (reason.isEmpty() || TextInput.isBlank(reason)) {
            throw new DebateException("reason", "moderation.reasonRequired");
        }
        if (TextInput.length(reason) > REASON_MAX) {
            throw new DebateException("reason", "moderation.reasonTooLong", REASON_MAX);
        }
        return reason;
    }
}
