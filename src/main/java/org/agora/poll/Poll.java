package org.agora.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A poll or forecast. {@code topicId} links it to the debate thread whose question it asks (by id only);
 * {@code authorId} is null for the seeded polls. Forecasts carry resolution criteria and date, and once
 * resolved the outcome and the moderator's note.
 */
public record Poll(long id, PollKind kind, String question, String description, Long authorId, Long topicId,
                   PollStatus status, int minChoices, int maxChoices, Integer scaleMin, Integer scaleMax,
                   int scaleStep, String scaleLowLabel, String scaleHighLabel, ResultsVisibility visibility,
                   boolean publicVoters, Instant closesAt, Instant createdAt, Instant openedAt, Instant closedAt,
                   String resolutionCriteria, Instant resolvesAt, String resolution, String resolutionNote,
                   Instant resolvedAt, int version, List<PollOption> options) {
    public Poll {
        options = List.copyOf(options);
    }

    /** Open for ballots at this instant: status OPEN and not past its closing time. */
    public boolean acceptsBallotsAt(Instant now) {
        return status == PollStatus.OPEN && (closesAt == null || now.isBefore(closesAt));
    }

    public boolean closedAt(Instant now) {
        return status == PollStatus.CLOSED || status == PollStatus.RESOLVED
                || (status == PollStatus.OPEN && closesAt != null && !now.isBefore(closesAt));
    }

    /** When ballots stopped (by hand or at the closing date), if they have. */
    public Optional<Instant> endedAt(Instant now) {
        if (status == PollStatus.CLOSED || status == PollStatus.RESOLVED) {
            return Optional.ofNullable(closedAt != null ? closedAt : closesAt);
        }
        return closedAt(now) ? Optional.of(closesAt) : Optional.empty();
    }

    public boolean isDraft() {
        return status == PollStatus.DRAFT;
    }

    public boolean isAuthor(long accountId) {
        return authorId != null && authorId == accountId;
    }

    /** The option that takes free text, if the poll has one. */
    public Optional<PollOption> otherOption() {
        return options.stream().filter(PollOption::other).findFirst();
    }

    public Optional<PollOption> option(long optionId) {
        return options.stream().filter(o -> o.id() == optionId).findFirst();
    }
}
