package org.agora.moderation;

import java.time.Clock;
import java.util.List;
import org.agora.account.AccountStanding;
import org.agora.account.CurrentUser;
import org.agora.account.MemberSanctioned;
import org.agora.debate.DebateCatalog;
import org.agora.poll.PollModeration;
import org.agora.shared.text.TextInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members flag posts, threads and poll answers for moderators: one flag per member and thing (a unique index),
 * never their own content, at a limited rate. When {@link ModerationSettings#autoHideFlags()} (by default
 * {@code agora.moderation.auto-hide-flags}) different members
 * have flagged something still unreviewed, it is hidden pending review in the same transaction as the last flag
 * (as Discourse does), and the audit log says so.
 */
@Service
public class FlagService {
    public static final int TEXT_MAX = 500;
    public static final int MY_FLAGS = 200;

    private final FlagRepository flags;
    private final FlagThrottle throttle;
    private final DebateCatalog debates;
    private final PollModeration polls;
    private final Contents contents;
    private final Audit audit;
    private final AccountStanding standing;
    private final Clock clock;
    private final ModerationSettings settings;

    FlagService(FlagRepository flags, FlagThrottle throttle, DebateCatalog debates, PollModeration polls,
                Contents contents, Audit audit, AccountStanding standing, Clock clock,
                ModerationSettings settings) {
        this.flags = flags;
        this.throttle = throttle;
        this.debates = debates;
        this.polls = polls;
        this.contents = contents;
        this.audit = audit;
        this.standing = standing;
        this.clock = clock;
        this.settings = settings;
    }

    /** Flags something for the signed-in member. A flag on a thread's opening post flags the thread. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void flag(Target target, FlagReason reason, String rawText) {
        var me = CurrentUser.require();
        try {
            standing.requireCanParticipate();
        } catch (MemberSanctioned e) {
            throw new ModerationException(null, e.messageKey(), e.args());
        }
        if (reason == null) {
            throw new ModerationException("reason", "flag.reasonRequired");
        }
        String text = text(reason, rawText);
        var owned = resolve(target);
        if (owned.authorId() != null && owned.authorId() == me.id().value()) {
            throw new ModerationException(null, "flag.own");
        }
        throttle.take(me.id().value());
        var now = clock.instant();
        var counted = flags.count(owned.target(), owned.authorId(), owned.path(), now);
        if (!flags.insertFlag(counted.itemId(), me.id().value(), reason, text, now)) {
            throw new ModerationException(null, "flag.already");
        }
        int autoHideFlags = settings.autoHideFlags();
        if (counted.pendingFlags() >= autoHideFlags && counted.autoHiddenAt() == null) {
            autoHide(counted.itemId(), owned, autoHideFlags);
        }
    }

    /** The signed-in member's flags, newest first, with what became of them. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<MyFlag> myFlags() {
        return flags.byFlagger(CurrentUser.require().id().value(), MY_FLAGS);
    }

    /** The number of flags from different members that hides content pending review. */
    public int autoHideThreshold() {
        return settings.autoHideFlags();
    }

    private void autoHide(long itemId, Owned owned, int autoHideFlags) {
        var category = flags.commonestPendingReason(itemId);
        String reason = "Hidden automatically after " + autoHideFlags + " flags, pending review.";
        SystemModerator.call(() -> {
            var before = contents.describe(owned.target(), owned.path());
            if (before.gone() || before.hidden() || before.removed() || !contents.hide(owned.target(), reason)) {
                return false; // a moderator already decided; nothing to do automatically
            }
            flags.markAutoHidden(itemId, clock.instant());
            audit.automatic(ModerationAction.AUTO_HIDE, owned.target(), category, reason, before,
                    contents.describe(owned.target(), owned.path()));
            return true;
        });
    }

    /** What is flagged, by whom it was written and where it is; an opening post stands for its thread. */
    private record Owned(Target target, Long authorId, String path) {
    }

    private Owned resolve(Target target) {
        if (target == null) {
            throw new ModerationException(null, "flag.notFound");
        }
        return switch (target.type()) {
            case POST -> {
                var post = debates.post(target.id()).orElseThrow(() -> new ModerationException(null, "flag.notFound"));
                if (post.deleted()) {
                    throw new ModerationException(null, "flag.gone");
                }
                Long author = post.author().isSystem() ? null : post.author().id();
                if (post.opening()) {
                    yield new Owned(Target.topic(post.topicId()), author, "/threads/" + post.topicId());
                }
                yield new Owned(target, author, "/threads/" + post.topicId() + "#post-" + post.id());
            }
            case TOPIC -> {
                var topic = debates.find(target.id()).orElseThrow(() -> new ModerationException(null, "flag.notFound"));
                yield new Owned(target, topic.authorId(), "/threads/" + topic.id());
            }
            case ACCOUNT, POLL -> throw new ModerationException(null, "flag.notFound");
            case POLL_OPTION -> {
                var option = polls.owner(target.id()).orElseThrow(() -> new ModerationException(null, "flag.notFound"));
                yield new Owned(target, option.authorId(), option.path());
            }
        };
    }

    private static String text(FlagReason reason, String raw) {
        if (raw != null && raw.length() > TEXT_MAX * 4) {
            throw new ModerationException("text", "flag.textTooLong", TEXT_MAX);
        }
        String text = TextInput.clean(raw, true);
        boolean empty = text.isEmpty() || TextInput.isBlank(text);
        if (reason == FlagReason.OTHER && empty) {
            throw new ModerationException("text", "flag.textRequired");
        }
        if (TextInput.length(text) > TEXT_MAX) {
            throw new ModerationException("text", "flag.textTooLong", TEXT_MAX);
        }
        return empty ? null : text;
    }
}
