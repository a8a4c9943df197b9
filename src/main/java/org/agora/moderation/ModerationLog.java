package org.agora.moderation;

import org.agora.account.StaffWithTwoFactor;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The moderation audit log for staff: searchable, newest first, by keyset pages, and as CSV. */
@Service
@StaffWithTwoFactor
public class ModerationLog {
    public static final int PAGE = 50;
    public static final int CSV_MAX = 10_000;

    /** What to look for; every part is optional. {@code outcome} is "OK" or "DENIED". */
    public record Filter(String actor, ModerationAction action, TargetType targetType, Long targetId, String text,
                         String outcome) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);
    }

    /** A page of entries and the position after its last one (null on the last page). */
    public record Page(List<AuditEntry> entries, Cursor next) {
    }

    /** A keyset position: the last entry's time and id. */
    public record Cursor(Instant at, long id) {
    }

    private final AuditRepository audit;

    ModerationLog(AuditRepository audit) {
        this.audit = audit;
    }

    @StaffWithTwoFactor
    @Transactional(readOnly = true)
    public Page search(Filter filter, Cursor after) {
        var rows = audit.search(filter == null ? Filter.ALL : filter, after == null ? null : after.at(),
                after == null ? 0 : after.id(), PAGE + 1);
        var page = rows.subList(0, Math.min(PAGE, rows.size()));
        Cursor next = rows.size() > PAGE ? new Cursor(page.getLast().at(), page.getLast().id()) : null;
        return new Page(List.copyOf(page), next);
    }

    /** The matching entries as CSV (at most {@link #CSV_MAX}, newest first); no cell can run as a formula. */
    @StaffWithTwoFactor
    @Transactional(readOnly = true)
    public String csv(Filter filter) {
        var csv = new StringBuilder(Csv.row(List.of("id", "at", "actor", "action", "target_type", "target_id",
                "reason_category", "reason", "before", "after", "outcome")));
        audit.search(filter == null ? Filter.ALL : filter, null, 0, CSV_MAX).forEach(e -> csv.append(Csv.row(
                java.util.Arrays.asList(e.id(), e.at(), e.actorName(), e.action(), e.targetType(), e.targetId(),
                        e.reasonCategory(), e.reason(), e.before(), e.after(), e.outcome()))));
        return csv.toString();
    }
}
