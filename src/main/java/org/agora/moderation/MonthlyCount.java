package org.agora.moderation;

import java.time.YearMonth;

/** How many decisions of one kind, for one reason category, were taken in a month (UTC). */
public record MonthlyCount(YearMonth month, ModerationAction action, FlagReason reasonCategory, long count) {
}
