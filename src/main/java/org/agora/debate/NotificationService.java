package org.agora.debate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agora.account.CurrentUser;
import org.agora.shared.events.EventBus;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following threads and being notified: members follow the threads they start or post in; a new post notifies
 * the author of the post it answers, everyone it mentions and the thread's followers, once each, within the
 * posting transaction. Bells update live on every node through the {@link EventBus}.
 */
@Service
public class NotificationService {
    static final String TOPIC = "debate.notify";
    public static final int PAGE = 30;

    private final NotificationRepository notifications;
    private final PostRepository posts;
    private final ReadMarkRepository readMarks;
    private final EventBus bus;
    private final Clock clock;
    private final Map<Long, List<Runnable>> bells = new ConcurrentHashMap<>();
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final java.util.concurrent.ExecutorService followerFanOut = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                var t = new Thread(r, "agora-follower-fan-out");
                t.setDaemon(true);
                return t;
            });

    NotificationService(NotificationRepository notifications, ReadMarkRepository readMarks, EventBus bus, Clock clock,
                        org.springframework.transaction.support.TransactionTemplate transactions,
                        PostRepository posts) {
        this.posts = posts;
        this.transactions = transactions;
        this.notifications = notifications;
        this.readMarks = readMarks;
        this.bus = bus;
        this.clock = clock;
        bus.subscribe(TOPIC, this::ring);
    }

    @EventListener
    void on(PostEvents.TopicStarted e) {
        notifications.follow(e.authorId(), e.topicId());
    }

    /** In the posting transaction: the author follows the thread; the replied-to and the mentioned are told. */
    @EventListener
    void on(PostEvents.PostCreated e) {
        notifications.follow(e.authorId(), e.topicId());
        var notified = notifications.fanOut(e.topicId(), e.postId(), e.authorId(), e.parentAuthorId(), e.mentions(),
                clock.instant());
        notified.stream().distinct().forEach(id -> bus.publish(TOPIC, String.valueOf(id)));
    }

    /**
     * After the post is committed, on a background thread: the thread's followers are told. A busy thread's
     * followers (possibly thousands) thus never lengthen the posting transaction, like Discourse's jobs.
     */
    @org.springframework.transaction.event.TransactionalEventListener
    void afterCommit(PostEvents.PostCreated e) {
        followerFanOut.execute(() -> transactions.executeWithoutResult(status -> {
            var notified = notifications.fanOutToFollowers(e.topicId(), e.postId(), e.authorId(), clock.instant());
            notified.forEach(id -> bus.publish(TOPIC, String.valueOf(id)));
        }));
    }

    public static final int NOTE_MAX = 1000;

    /**
     * Tells the author of a post (an opening post: of the thread) what moderators decided and why; the bell rings
     * on every node. Nothing for posts without an author (seeded ones). For moderators only.
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean notifyAuthorOfModeration(long postId, String note) {
        var post = posts.find(postId).orElseThrow(() -> new DebateException(null, "post.notFound"));
        if (post.author().isSystem()) {
            return false;
        }
        String text = org.agora.shared.text.TextInput.clean(note, true);
        if (text.isEmpty()) {
            throw new DebateException("note", "moderation.reasonRequired");
        }
        if (text.length() > NOTE_MAX) {
            text = text.substring(0, NOTE_MAX);
        }
        notifications.moderationNotice(post.author().id(), post.topicId(), postId, text, clock.instant());
        bus.publish(TOPIC, String.valueOf(post.author().id()));
        return true;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long unread() {
        return notifications.unread(CurrentUser.require().id().value());
    }

    /** The member's notifications, newest first; pass the last one of the previous page for the next. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> inbox(Notification after) {
        return notifications.inbox(CurrentUser.require().id().value(), after == null ? null : after.createdAt(),
                after == null ? 0 : after.id(), PAGE);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean markRead(long notificationId) {
        long me = CurrentUser.require().id().value();
        boolean changed = notifications.markRead(me, notificationId, clock.instant());
        if (changed) {
            bus.publish(TOPIC, String.valueOf(me));
        }
        return changed;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int markAllRead() {
        long me = CurrentUser.require().id().value();
        int n = notifications.markAllRead(me, clock.instant());
        bus.publish(TOPIC, String.valueOf(me));
        return n;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setFollowing(long topicId, boolean follow) {
        long me = CurrentUser.require().id().value();
        if (follow) {
            notifications.follow(me, topicId);
        } else {
            notifications.unfollow(me, topicId);
        }
    }

    @Transactional(readOnly = true)
    public boolean isFollowing(long topicId) {
        return CurrentUser.get().map(u -> notifications.follows(u.id().value(), topicId)).orElse(false);
    }

    /**
     * Where the signed-in member stopped reading this thread: the time of the first post they have not seen
     * (written by others) and how many such posts there are; empty on a first visit or when all is read.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Unread> unreadIn(long topicId) {
        return CurrentUser.get().flatMap(u -> readMarks.lastSeen(u.id().value(), topicId)
                .flatMap(seen -> readMarks.firstAfter(topicId, u.id().value(), seen))
                .map(r -> new Unread(r.firstAt(), r.count())));
    }

    /** Notes that the signed-in member has seen the thread up to now (a reader: nothing to note). */
    @Transactional
    public void markSeen(long topicId) {
        CurrentUser.get().ifPresent(u -> readMarks.markSeen(u.id().value(), topicId, clock.instant()));
    }

    /** Posts a member has not read in a thread yet. */
    public record Unread(java.time.Instant firstAt, int count) {
    }

    /** Calls {@code onChange} whenever the member's notifications change (from any node). */
    public Runnable watch(long accountId, Runnable onChange) {
        bells.computeIfAbsent(accountId, k -> new CopyOnWriteArrayList<>()).add(onChange);
        return () -> {
            var list = bells.get(accountId);
            if (list != null) {
                list.remove(onChange);
            }
        };
    }

    private void ring(String payload) {
        try {
            bells.getOrDefault(Long.parseLong(payload), List.of()).forEach(Runnable::run);
        } catch (NumberFormatException ignored) {
            // not ours
        }
    }
}
