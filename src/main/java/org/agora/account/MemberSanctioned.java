package org.agora.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The member may not do this now: they are silenced, suspended or banned. Says why and until when, so every
 * feature can show it as it is ({@link #messageKey()} with {@link #args()}: until when, then the reason).
 */
public class MemberSanctioned extends RuntimeException {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SanctionKind kind;
    private final Instant until;
    private final String reason;

    public MemberSanctioned(SanctionKind kind, Instant until, String reason) {
        super(kind + (until == null ? " without end" : " until " + until) + ": " + reason);
        this.kind = kind;
        this.until = until;
        this.reason = reason;
    }

    public SanctionKind kind() {
        return kind;
    }

    /** When it ends, or null for a ban. */
    public Instant until() {
        return until;
    }

    public String reason() {
        return reason;
    }

    /** {@code sanction.silenced} or {@code sanction.banned}; arguments: {@link #args()}. */
    public String messageKey() {
        return until == null ? "sanction.banned" : "sanction.silenced";
    }

    /** Until when (as text, UTC) and the moderator's reason. */
    public Object[] args() {
        return new Object[] {untilText(until), reason};
    }

    public static String untilText(Instant until) {
        return until == null ? "" : UNTIL.format(until);
    }
}
