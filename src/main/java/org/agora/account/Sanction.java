package org.agora.account;

import java.time.Instant;

/** A sanction on a member, as the member and staff see it. {@code endsAt} is null for a warning or a ban. */
public record Sanction(long id, AccountId account, String username, SanctionKind kind, String reason,
                       Instant startsAt, Instant endsAt, String createdBy, Instant liftedAt, String liftReason,
                       String appeal, Instant appealedAt) {
    /** Whether it is in force at {@code now} (a warning never is: it only informs). */
    public boolean activeAt(Instant now) {
        return kind != SanctionKind.WARN && liftedAt == null && !startsAt.isAfter(now)
                && (endsAt == null || endsAt.isAfter(now));
    }
}
