package org.agora.poll;

import java.time.Clock;
import java.util.Optional;
import org.agora.shared.text.TextInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators may do to polls, and the only way the moderation feature changes one: hide an answer (its label
 * reads "Hidden by moderators" for everyone, its ballots stay) or show it again; close, reopen or remove (soft
 * delete) a whole poll, each with a reason, announced as {@link PollModerated} for the audit log.
 */
@Service
public class PollModeration {
    public static final int REASON_MAX = 500;

    /** An answer as moderation needs it; {@code label} is the original wording (for moderators' eyes only). */
    public record ModeratedOption(long optionId, long pollId, Long authorId, String question, String label,
                                  boolean hidden) {
        public String path() {
            return "/polls/" + pollId;
        }
    }

    /** Who wrote an answer (the poll's author; null for seeded polls): enough to flag it, nothing of its text. */
    public record OptionOwner(long optionId, long pollId, Long authorId) {
        public String path() {
            return "/polls/" + pollId;
        }
    }

    private final PollRepository polls;
    private final PollService service;
    private final Clock clock;
    private final PollAuthoring authoring;
    private final org.springframework.context.ApplicationEventPublisher events;

    PollModeration(PollRepository polls, PollService service, Clock clock, PollAuthoring authoring,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.authoring = authoring;
        this.events = events;
        this.polls = polls;
        this.service = service;
        this.clock = clock;
    }

    /** The answer's poll and author, for anyone (members flag answers). */
    @Transactional(readOnly = true)
    public Optional<OptionOwner> owner(long optionId) {
        return polls.moderatedOption(optionId).map(o -> new OptionOwner(o.optionId(), o.pollId(), o.authorId()));
    }

    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<ModeratedOption> describeOption(long optionId) {
        return polls.moderatedOption(optionId);
    }

    /** @return whether anything changed (false if it was hidden already) */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean hideOption(long optionId, String reason) {
        var option = polls.moderatedOption(optionId).orElseThrow(() -> new PollException("poll.optionNotFound"));
        boolean changed = polls.hideOption(optionId, reason(reason), clock.instant());
        if (changed) {
            service.announce(option.pollId());
        }
        return changed;
    }

    /** @return whether anything changed (false if it was not hidden) */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public boolean restoreOption(long optionId) {
        var option = polls.moderatedOption(optionId).orElseThrow(() -> new PollException("poll.optionNotFound"));
        boolean changed = polls.restoreOption(optionId);
        if (changed) {
            service.announce(option.pollId());
        }
        return changed;
    }

    /** Stops the votes now (staff, with a reason). */
    @org.agora.account.StaffWithTwoFactor
    @Transactional
    public void closePoll(long pollId, String rawReason) {
        String reason = reason(rawReason);
        published(pollId);
        authoring.close(pollId);
        events.publishEvent(new PollModerated(pollId, "CLOSE_POLL", reason, null));
    }

    /** Takes votes again until {@code closesAt} (or without end, not for forecasts); staff, with a reason. */
    @org.agora.account.StaffWithTwoFactor
    @Transactional
    public void reopenPoll(long pollId, java.time.Instant closesAt, String rawReason) {
        String reason = reason(rawReason);
        published(pollId);
        authoring.reopen(pollId, closesAt);
        events.publishEvent(new PollModerated(pollId, "REOPEN_POLL", reason,
                closesAt == null ? null : "{\"closesAt\": \"" + closesAt + "\"}"));
    }

    /**
     * Removes a published poll (a soft delete): closed if open, then gone from every page, list and API for
     * everyone; its rows stay. Staff, with a reason.
     */
    @org.agora.account.StaffWithTwoFactor
    @Transactional
    public void deletePoll(long pollId, String rawReason) {
        String reason = reason(rawReason);
        published(pollId);
        if (!polls.softDelete(pollId, reason, clock.instant())) {
            throw new PollException("poll.notFound");
        }
        service.pollChanged(pollId);
        events.publishEvent(new PollModerated(pollId, "DELETE_POLL", reason, null));
    }

    private Poll published(long pollId) {
        return polls.find(pollId).filter(p -> !p.isDraft()).orElseThrow(() -> new PollException("poll.notFound"));
    }

    private static String reason(String raw) {
        String reason = TextInput.clean(raw, true);
        if (reason.isEmpty() || TextInput.isBlank(reason)) {
            throw new PollException("moderation.reasonRequired");
        }
        if (TextInput.length(reason) > REASON_MAX) {
            throw new PollException("moderation.reasonTooLong", REASON_MAX);
        }
        return reason;
    }
}
