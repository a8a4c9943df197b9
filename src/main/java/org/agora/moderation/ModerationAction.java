package org.agora.moderation;

import java.util.Set;

/** What the audit log records. {@link #VIEW} is only ever recorded as a refused attempt to read the console. */
public enum ModerationAction {
    CLAIM, RELEASE, DISMISS, HIDE, RESTORE, SOFT_DELETE, AUTO_HIDE, VIEW,
    /** Decisions about members (target: the account). */
    WARN, SILENCE, SUSPEND, BAN, LIFT, ROLE_CHANGE,
    /** Thread controls (target: the thread). */
    LOCK, UNLOCK, PIN, UNPIN, SLOW_MODE,
    /** Settings changes (no target) and later staff actions on content and polls. */
    SETTINGS, EDIT, MOVE, CLOSE_POLL, REOPEN_POLL, DELETE_POLL, RESET_TWO_FACTOR;

    /** The decisions on content that the public transparency report lists. */
    public static final Set<ModerationAction> PUBLIC = Set.of(DISMISS, HIDE, RESTORE, SOFT_DELETE, AUTO_HIDE);
}
