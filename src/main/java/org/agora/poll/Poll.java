package org.agora.poll;

import java.time.Instant;
import java.util.List;

/** A poll or forecast. {@code topicId} links it to the debate thread whose question it asks (by id only). */
public record Poll(long id, PollKind kind, String question, String description, Long topicId, PollStatus status,
                   int minChoices, int maxChoices, Integer scaleMin, Integer scaleMax, String scaleLowLabel,
                   String scaleHighLabel, ResultsVisibility visibility, Instant closesAt, Instant createdAt,
                   String resolution, List<PollOption> options) {
    /** Open for ballots at this instant: status OPEN and not past its closing time. */
    public boolean acceptsBallotsAt(Instant now) {
        return status == PollStatus.OPEN && (closesAt == null || now.isBefore(closesAt));
    }

    public boolean closedAt(Instant now) {
        return status == PollStatus.CLOSED || status == PollStatus.RESOLVED
                || (status == PollStatus.OPEN && closesAt != null && !now.isBefore(closesAt));
    }
}
