package org.agora.account;

/**
 * What a moderator may do to a member: a warning (a note the member sees), silencing (read only), suspension
 * (no login) and, for admins, a ban (a suspension without end).
 */
public enum SanctionKind {
    WARN, SILENCE, SUSPEND, BAN;

    /** Whether it stops the member from posting, voting and flagging while it lasts. */
    public boolean silences() {
        return this != WARN;
    }

    /** Whether it stops the member from logging in while it lasts. */
    public boolean suspends() {
        return this == SUSPEND || this == BAN;
    }

    /** Whether it lasts a while (with a default that grows with each sanction), rather than once or forever. */
    public boolean timed() {
        return this == SILENCE || this == SUSPEND;
    }
}
