package org.agora.moderation;

import org.agora.account.StaffWithTwoFactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.agora.account.CurrentUser;
import org.agora.shared.text.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moderators' review queue: flagged items with all their flags, claimed by one moderator at a time, and the
 * decisions on them. Each decision needs a reason category and a reason (told to the author on hidden content),
 * gives the pending flags their outcome, closes the item and writes its audit row, all in one transaction.
 * Another moderator's claim blocks decisions until they release it.
 *
 * <p>Moderators and admins only, on every method. (The debate has no public way to notify an author of a
 * moderator's decision yet, so authors learn of it from the notice on their hidden post.)
 */
@Service
@StaffWithTwoFactor
public class ReviewQueue {
    public static final int LIMIT = 100;
    public static final int REASON_MAX = 500;

    private final FlagRepository flags;
    private final Contents contents;
    private final Audit audit;
    private final Clock clock;
    private final AuthorNotices notices;
    private final org.agora.debate.ThreadControls threads;

    ReviewQueue(FlagRepository flags, Contents contents, Audit audit, Clock clock, AuthorNotices notices,
                org.agora.debate.ThreadControls threads) {
        this.notices = notices;
        this.threads = threads;
        this.flags = flags;
        this.contents = contents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Open items matching the filter, the longest waiting first (at most {@link #LIMIT}). */
    @StaffWithTwoFactor
    @Transactional(readOnly = true)
    public List<QueueItem> open(QueueFilter filter) {
        var f = filter == null ? QueueFilter.ALL : filter;
        Instant now = clock.instant();
        Instant after = switch (f.age()) {
            case LAST_DAY -> now.minus(Duration.ofDays(1));
            case LAST_WEEK -> now.minus(Duration.ofDays(7));
            default -> null;
        };
        Instant before = f.age() == QueueFilter.Age.OLDER_THAN_A_WEEK ? now.minus(Duration.ofDays(7)) : null;
        return items(flags.open(f.reason(), f.flagger(), after, before, LIMIT));
    }

    @StaffWithTwoFactor
    @Transactional(readOnly = true)
    public java.util.Optional<QueueItem> find(long itemId) {
        return flags.find(itemId).map(i -> items(List.of(i)).getFirst());
    }

    /** The item of a flagged thing, if it was ever flagged. */
    @StaffWithTwoFactor
    @Transactional(readOnly = true)
    public java.util.Optional<QueueItem> find(Target target) {
        return flags.find(target).map(i -> items(List.of(i)).getFirst());
    }

    /** Claims an item: the others see who reviews it and cannot decide on it meanwhile. Atomic. */
    @StaffWithTwoFactor
    @Transactional
    public QueueItem claim(long itemId) {
        var me = CurrentUser.require();
        var item = flags.find(itemId).orElseThrow(ReviewQueue::notFound);
        if (!flags.claim(itemId, me.id().value(), clock.instant())) {
            var holder = flags.find(itemId).map(FlagRepository.Item::claimedByName).orElse("?");
            throw new ModerationException(null, "moderation.claimedByOther", holder);
        }
        audit.done(ModerationAction.CLAIM, item.target(), null, null, null, null);
        return find(itemId).orElseThrow();
    }

    /** Gives one's claim back. */
    @StaffWithTwoFactor
    @Transactional
    public void release(long itemId) {
        var me = CurrentUser.require();
        var item = flags.find(itemId).orElseThrow(ReviewQueue::notFound);
        if (flags.release(itemId, me.id().value())) {
            audit.done(ModerationAction.RELEASE, item.target(), null, null, null, null);
        }
    }

    /** The flags were not justified: they are dismissed; content Agora hid automatically is shown again. */
    @StaffWithTwoFactor
    @Transactional
    public void dismiss(long itemId, FlagReason category, String reason) {
        dismiss(itemId, category, reason, false);
    }

    /** {@link #dismiss(long, FlagReason, String)}, telling the author if {@code notifyAuthor}. */
    @StaffWithTwoFactor
    @Transactional
    public void dismiss(long itemId, FlagReason category, String reason, boolean notifyAuthor) {
        decide(itemId, ModerationAction.DISMISS, category, reason, FlagOutcome.DISMISSED, notifyAuthor, (item, why) -> {
            if (item.autoHiddenAt() != null) {
                contents.restore(item.target());
            }
        });
    }

    /** Hides the content: its author and staff still read it, everyone else reads "hidden by moderators". */
    @StaffWithTwoFactor
    @Transactional
    public void hide(long itemId, FlagReason category, String reason) {
        hide(itemId, category, reason, false);
    }

    @StaffWithTwoFactor
    @Transactional
    public void hide(long itemId, FlagReason category, String reason, boolean notifyAuthor) {
        decide(itemId, ModerationAction.HIDE, category, reason, FlagOutcome.ACTIONED, notifyAuthor,
                (item, why) -> contents.hide(item.target(), why));
    }

    /** Shows hidden or removed content again; pending flags on it are dismissed. */
    @StaffWithTwoFactor
    @Transactional
    public void restore(long itemId, FlagReason category, String reason) {
        restore(itemId, category, reason, false);
    }

    @StaffWithTwoFactor
    @Transactional
    public void restore(long itemId, FlagReason category, String reason, boolean notifyAuthor) {
        decide(itemId, ModerationAction.RESTORE, category, reason, FlagOutcome.DISMISSED, notifyAuthor,
                (item, why) -> contents.restore(item.target()));
    }

    /** Removes the content (a soft delete with the reason); poll answers can only be hidden. */
    @StaffWithTwoFactor
    @Transactional
    public void softDelete(long itemId, FlagReason category, String reason) {
        softDelete(itemId, category, reason, false);
    }

    @StaffWithTwoFactor
    @Transactional
    public void softDelete(long itemId, FlagReason category, String reason, boolean notifyAuthor) {
        decide(itemId, ModerationAction.SOFT_DELETE, category, reason, FlagOutcome.ACTIONED, notifyAuthor,
                (item, why) -> contents.softDelete(item.target(), why));
    }

    /**
     * Edits the flagged post (a flagged thread: its opening post) as a moderator, e.g. to cut an insult and keep
     * the argument: the original stays in the post's history, marked as edited by staff. The flags are actioned,
     * and the audit row keeps the text before and after.
     */
    @StaffWithTwoFactor
    @Transactional
    public void edit(long itemId, FlagReason category, String rawReason, String newBody, boolean notifyAuthor) {
        var item = lockedForDecision(itemId, category);
        String reason = reason(rawReason);
        var edited = contents.edit(item.target(), newBody);
        flags.resolve(itemId, FlagOutcome.ACTIONED, clock.instant());
        audit.changed(ModerationAction.EDIT, item.target(), category, reason,
                Audit.json(java.util.Map.of("postId", edited.postId(), "body", edited.before())),
                Audit.json(java.util.Map.of("postId", edited.postId(), "body", edited.after())));
        if (notifyAuthor) {
            notices.tell(item.target(), ModerationAction.EDIT, reason);
        }
    }

    /**
     * Moves a flagged thread to another category (the usual answer to "off-topic" flags): the move is audited by
     * the thread controls (from and to category), the flags are actioned, and the author may be told why.
     */
    @StaffWithTwoFactor
    @Transactional
    public void move(long itemId, FlagReason category, String rawReason, Long toCategoryId, boolean notifyAuthor) {
        var item = lockedForDecision(itemId, category);
        if (item.target().type() != TargetType.TOPIC) {
            throw new ModerationException(null, "moderation.moveThreadsOnly");
        }
        if (toCategoryId == null) {
            throw new ModerationException("destination", "topic.categoryRequired");
        }
        String reason = reason(rawReason);
        try {
            threads.move(item.target().id(), toCategoryId, reason);
        } catch (org.agora.debate.DebateException e) {
            throw new ModerationException("destination", e.messageKey());
        }
        flags.resolve(itemId, FlagOutcome.ACTIONED, clock.instant());
        if (notifyAuthor) {
            notices.tell(item.target(), ModerationAction.MOVE, reason);
        }
    }

    /** The full text a moderator would edit (empty for poll answers, which cannot be edited). */
    @StaffWithTwoFactor
    @Transactional(readOnly = true)
    public java.util.Optional<String> editableText(long itemId) {
        return flags.find(itemId).flatMap(i -> contents.editableText(i.target()));
    }

    private FlagRepository.Item lockedForDecision(long itemId, FlagReason category) {
        var me = CurrentUser.require();
        if (category == null) {
            throw new ModerationException("category", "moderation.categoryRequired");
        }
        var item = flags.lock(itemId).orElseThrow(ReviewQueue::notFound);
        if (item.claimedBy() != null && item.claimedBy() != me.id().value()) {
            throw new ModerationException(null, "moderation.claimedByOther", item.claimedByName());
        }
        return item;
    }

    private void decide(long itemId, ModerationAction action, FlagReason category, String rawReason,
                        FlagOutcome outcome, boolean notifyAuthor,
                        java.util.function.BiConsumer<FlagRepository.Item, String> change) {
        if (category == null) {
            throw new ModerationException("category", "moderation.categoryRequired");
        }
        String reason = reason(rawReason);
        var item = lockedForDecision(itemId, category);
        var before = contents.describe(item.target(), item.path());
        change.accept(item, reason);
        var after = contents.describe(item.target(), item.path());
        flags.resolve(itemId, outcome, clock.instant());
        audit.done(action, item.target(), category, reason, before, after);
        if (notifyAuthor) {
            notices.tell(item.target(), action, reason);
        }
    }

    private List<QueueItem> items(List<FlagRepository.Item> rows) {
        var byItem = flags.pendingFlags(rows.stream().map(FlagRepository.Item::id).toList()).stream()
                .collect(Collectors.groupingBy(FlagRepository.PendingFlag::itemId));
        return rows.stream().map(i -> new QueueItem(i.id(), i.target(), contents.describe(i.target(), i.path()),
                byItem.getOrDefault(i.id(), List.of()).stream()
                        .map(f -> new QueueItem.Flag(f.reason(), f.text(), f.flagger(), f.createdAt())).toList(),
                i.claimedBy(), i.claimedByName(), i.claimedAt(), i.autoHiddenAt(), i.status(), i.heldReason()))
                .toList();
    }

    static String reason(String raw) {
        String reason = TextInput.clean(raw, true);
        if (reason.isEmpty() || TextInput.isBlank(reason)) {
            throw new ModerationException("reason", "moderation.reasonRequired");
        }
        if (TextInput.length(reason) > REASON_MAX) {
            throw new ModerationException("reason", "moderation.reasonTooLong", REASON_MAX);
        }
        return reason;
    }

    private static ModerationException notFound() {
        return new ModerationException(null, "moderation.itemNotFound");
    }
}
