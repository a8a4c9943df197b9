package org.agora.moderation;

import org.agora.account.StaffWithTwoFactor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures on the moderator console's dashboard. Moderators and admins only. */
@Service
@StaffWithTwoFactor
public class ModerationStats {
    public static final int DAYS = 7;

    /** Open flags and items, items Agora hid automatically, the latest actions and actions per day (UTC). */
    public record Dashboard(long pendingFlags, long openItems, long autoHidden, List<AuditEntry> recent,
                            Map<LocalDate, Long> perDay) {
    }

    private final FlagRepository flags;
    private final AuditRepository audit;
    private final Clock clock;

    ModerationStats(FlagRepository flags, AuditRepository audit, Clock clock) {
        this.flags = flags;
        this.audit = audit;
        this.clock = clock;
    }

    @StaffWithTwoFactor
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var recent = audit.search(new ModerationLog.Filter(null, null, null, null, null, "OK"), null, 0, 10);
        return new Dashboard(flags.pendingFlagCount(), flags.openItemCount(), flags.autoHiddenOpenCount(), recent,
                audit.daily(today.minusDays(DAYS - 1), today));
    }
}
