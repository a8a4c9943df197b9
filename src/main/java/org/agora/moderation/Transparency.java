package org.agora.moderation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of moderation, in the spirit of the EU Digital Services Act's transparency reports: every
 * decision on content (kind, reason category, date, kind of content) and monthly counts, for anyone, as pages
 * and CSV. Never the content, the flaggers, the moderators or their words.
 */
@Service
@Transactional(readOnly = true)
public class Transparency {
    public static final int PAGE = 50;
    public static final int CSV_MAX = 10_000;
    public static final int MONTHS = 24;

    /** A page of decisions and the position after its last one (null on the last page). */
    public record Page(List<PublicAction> actions, ModerationLog.Cursor next) {
    }

    private final AuditRepository audit;

    Transparency(AuditRepository audit) {
        this.audit = audit;
    }

    public Page actions(ModerationLog.Cursor after) {
        var rows = audit.publicActions(after == null ? null : after.at(), after == null ? 0 : after.id(), PAGE + 1);
        var page = rows.subList(0, Math.min(PAGE, rows.size()));
        var next = rows.size() > PAGE ? new ModerationLog.Cursor(page.getLast().at(), page.getLast().id()) : null;
        return new Page(List.copyOf(page), next);
    }

    /** Decisions per month, action and reason category, the latest {@link #MONTHS} months. */
    public List<MonthlyCount> monthly() {
        return audit.monthly(MONTHS);
    }

    public String actionsCsv() {
        var csv = new StringBuilder(Csv.row(List.of("date", "action", "reason_category", "content_type")));
        audit.publicActions(null, 0, CSV_MAX).forEach(a -> csv.append(Csv.row(Arrays.asList(a.at(), a.action(),
                a.reasonCategory(), a.targetType()))));
        return csv.toString();
    }

    public String monthlyCsv() {
        var csv = new StringBuilder(Csv.row(List.of("month", "action", "reason_category", "count")));
        monthly().forEach(m -> csv.append(Csv.row(Arrays.asList(m.month(), m.action(), m.reasonCategory(),
                m.count()))));
        return csv.toString();
    }
}
