package org.agora.moderation;

import java.util.Set;

/** What the audit log records. {@link #VIEW} is only ever recorded as a refused attempt to read the console. */
public enum ModerationAction {
    CLAIM, RELEASE, DISMISS, HIDE, RESTORE, SOFT_DELETE, AUTO_HIDE, VIEW;

    /** The decisions on content that the public transparency report lists. */
    public static final Set<ModerationAction> PUBLIC = Set.of(DISMISS, HIDE, RESTORE, SOFT_DELETE, AUTO_HIDE);
}
