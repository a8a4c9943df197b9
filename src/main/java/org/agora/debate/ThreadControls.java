package org.agora.debate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.agora.account.StaffWithTwoFactor;
import org.agora.shared.text.TextInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff may do to a thread as a whole: lock it (read only) and unlock it, and put it in slow mode (each
 * member posts at most once per N minutes until an end time), and pin it (first on the threads page). Each change needs a reason and is announced as
 * {@link PostEvents.TopicControlled} in its transaction, which the moderation feature writes to its audit log.
 */
@Service
public class ThreadControls {
    public static final int REASON_MAX = 500;
    public static final int SLOW_MODE_MAX_MINUTES = 1440;

    /** A thread's controls as they stand; slow mode is off when {@code slowModeUntil} is null or past. */
    public record State(boolean locked, boolean pinned, Integer slowModeMinutes, Instant slowModeUntil) {
        public boolean slowModeAt(Instant now) {
            return slowModeUntil != null && slowModeUntil.isAfter(now);
        }
    }

    private final TopicRepository topics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThreadControls(TopicRepository topics, ApplicationEventPublisher events, Clock clock) {
        this.topics = topics;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public State state(long topicId) {
        return topics.controls(topicId).orElseThrow(() -> new DebateException(null, "topic.notFound"));
    }

    /** Locks or unlocks the thread. @return whether it changed */
    @StaffWithTwoFactor
    @Transactional
    public boolean setLocked(long topicId, boolean locked, String rawReason) {
        String reason = reason(rawReason);
        state(topicId);
        boolean changed = topics.lock(topicId, locked);
        if (changed) {
            events.publishEvent(new PostEvents.TopicControlled(topicId, locked ? "LOCK" : "UNLOCK", reason, null));
        }
        return changed;
    }

    /** Pins or unpins the thread (pinned threads come first on the threads page). @return whether it changed */
    @StaffWithTwoFactor
    @Transactional
    public boolean setPinned(long topicId, boolean pinned, String rawReason) {
        String reason = reason(rawReason);
        if (pinned && !state(topicId).pinned() && topics.pinnedCount() >= DebateCatalog.PINNED_MAX) {
            throw new DebateException(null, "topic.pinLimit", DebateCatalog.PINNED_MAX);
        }
        state(topicId);
        boolean changed = topics.pin(topicId, pinned, clock.instant());
        if (changed) {
            events.publishEvent(new PostEvents.TopicControlled(topicId, pinned ? "PIN" : "UNPIN", reason, null));
        }
        return changed;
    }

    /** Moves the thread to another category (staff). @return whether it moved */
    @StaffWithTwoFactor
    @Transactional
    public boolean move(long topicId, long categoryId, String rawReason) {
        String reason = reason(rawReason);
        var topic = topics.find(topicId).orElseThrow(() -> new DebateException(null, "topic.notFound"));
        topics.category(categoryId).orElseThrow(() -> new DebateException("category", "topic.categoryRequired"));
        long from = topic.category().id();
        boolean changed = topics.move(topicId, categoryId);
        if (changed) {
            events.publishEvent(new PostEvents.TopicControlled(topicId, "MOVE", reason,
                    "{\"fromCategory\": " + from + ", \"toCategory\": " + categoryId + "}"));
        }
        return changed;
    }

    /** Puts the thread in slow mode: one post per member per {@code minutes}, for {@code lasting}. */
    @StaffWithTwoFactor
    @Transactional
    public void slowMode(long topicId, int minutes, Duration lasting, String rawReason) {
        String reason = reason(rawReason);
        if (minutes < 1 || minutes > SLOW_MODE_MAX_MINUTES) {
            throw new DebateException("minutes", "topic.slowModeMinutes", 1, SLOW_MODE_MAX_MINUTES);
        }
        if (lasting == null || lasting.isNegative() || lasting.isZero() || lasting.compareTo(Duration.ofDays(30)) > 0) {
            throw new DebateException("lasting", "topic.slowModeLasting");
        }
        state(topicId);
        Instant until = clock.instant().plus(lasting);
        topics.setSlowMode(topicId, minutes, until);
        events.publishEvent(new PostEvents.TopicControlled(topicId, "SLOW_MODE", reason,
                "{\"minutes\": " + minutes + ", \"until\": \"" + until + "\"}"));
    }

    /** Ends slow mode now. */
    @StaffWithTwoFactor
    @Transactional
    public void endSlowMode(long topicId, String rawReason) {
        String reason = reason(rawReason);
        state(topicId);
        topics.setSlowMode(topicId, null, null);
        events.publishEvent(new PostEvents.TopicControlled(topicId, "SLOW_MODE", reason, "{\"minutes\": null}"));
    }

    private static String reason(String raw) {
        String reason = TextInput.clean(raw, true);
        if (reason == null || reason.isBlank() || reason.length() > REASON_MAX) {
            throw new DebateException("reason", "moderation.reasonRequired", REASON_MAX);
        }
        return reason;
    }
}
