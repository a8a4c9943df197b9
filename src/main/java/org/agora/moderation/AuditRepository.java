package org.agora.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The insert-only audit log (moderation_audit): the schema refuses updates, deletes and truncation. */
@Repository
class AuditRepository {
    private static final String PUBLIC_ACTIONS = "('DISMISS', 'HIDE', 'RESTORE', 'SOFT_DELETE', 'AUTO_HIDE')";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Instant at, Long actorId, String actorName, ModerationAction action, Target target,
                FlagReason category, String reason, String before, String after, String outcome) {
        return jdbc.sql("""
                        insert into moderation_audit (at, actor_id, actor_name, action, target_type, target_id,
                                                      reason_category, reason, before, after, outcome)
                        values (:at, :actor, :actorName, :action, :type, :target, :category, :reason,
                                cast(:before as jsonb), cast(:after as jsonb), :outcome)
                        returning id
                        """)
                .param("at", Timestamp.from(at)).param("actor", actorId).param("actorName", actorName)
                .param("action", action.name()).param("type", target == null ? null : target.type().name())
                .param("target", target == null ? null : target.id())
                .param("category", category == null ? null : category.name()).param("reason", reason)
                .param("before", before).param("after", after).param("outcome", outcome)
                .query(Long.class).single();
    }

    /**
     * Newest first, a keyset page before (at, id) (null for the first page), matching the filter: the actor's
     * name, the action, the target (type and/or id) and words in the reason.
     */
    List<AuditEntry> search(ModerationLog.Filter f, Instant beforeAt, long beforeId, int limit) {
        return jdbc.sql("""
                        select id, at, actor_id, actor_name, action, target_type, target_id, reason_category, reason,
                               cast(before as text) as before, cast(after as text) as after, outcome
                          from moderation_audit
                         where (cast(:beforeAt as timestamptz) is null or (at, id) < (cast(:beforeAt as timestamptz), :beforeId))
                           and (cast(:actor as text) is null or lower(actor_name) = lower(:actor))
                           and (cast(:action as text) is null or action = :action)
                           and (cast(:type as text) is null or target_type = :type)
                           and (cast(:target as bigint) is null or target_id = :target)
                           and (cast(:text as text) is null
                                or strpos(lower(coalesce(reason, '')), lower(:text)) > 0)
                           and (cast(:outcome as text) is null or outcome = :outcome)
                         order by at desc, id desc
                         limit :n
                        """)
                .param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt)).param("beforeId", beforeId)
                .param("actor", blankToNull(f.actor()))
                .param("action", f.action() == null ? null : f.action().name())
                .param("type", f.targetType() == null ? null : f.targetType().name())
                .param("target", f.targetId())
                .param("text", blankToNull(f.text()))
                .param("outcome", blankToNull(f.outcome()))
                .param("n", limit)
                .query(AuditRepository::entry).list();
    }

    /** Public decisions, newest first, a keyset page before (at, id); nothing that names anyone. */
    List<PublicAction> publicActions(Instant beforeAt, long beforeId, int limit) {
        return jdbc.sql("""
                        select id, at, action, reason_category, target_type
                          from moderation_audit
                         where outcome = 'OK' and action in %s
                           and (cast(:beforeAt as timestamptz) is null or (at, id) < (cast(:beforeAt as timestamptz), :beforeId))
                         order by at desc, id desc
                         limit :n
                        """.formatted(PUBLIC_ACTIONS))
                .param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt)).param("beforeId", beforeId)
                .param("n", limit)
                .query((rs, n) -> new PublicAction(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        ModerationAction.valueOf(rs.getString("action")), category(rs),
                        type(rs)))
                .list();
    }

    /** Public decisions counted per month (UTC), action and reason category; newest month first. */
    List<MonthlyCount> monthly(int months) {
        return jdbc.sql("""
                        select to_char(date_trunc('month', at at time zone 'UTC'), 'YYYY-MM') as month, action,
                               reason_category, count(*) as n
                          from moderation_audit
                         where outcome = 'OK' and action in %s
                         group by 1, 2, 3
                         order by 1 desc, 2, 3
                         limit :n
                        """.formatted(PUBLIC_ACTIONS))
                .param("n", months * ModerationAction.PUBLIC.size() * (FlagReason.values().length + 1))
                .query((rs, n) -> new MonthlyCount(YearMonth.parse(rs.getString("month")),
                        ModerationAction.valueOf(rs.getString("action")), category(rs), rs.getLong("n")))
                .list();
    }

    /** Actions done (not refused, claims aside) per UTC day since {@code since}, every day present. */
    Map<LocalDate, Long> daily(LocalDate since, LocalDate until) {
        var days = new LinkedHashMap<LocalDate, Long>();
        for (var d = since; !d.isAfter(until); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        jdbc.sql("""
                        select cast(at at time zone 'UTC' as date) as day, count(*) as n
                          from moderation_audit
                         where outcome = 'OK' and action not in ('CLAIM', 'RELEASE') and at >= :since
                         group by 1
                        """)
                .param("since", Timestamp.from(since.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> Map.entry(rs.getDate("day").toLocalDate(), rs.getLong("n")))
                .list()
                .forEach(e -> days.computeIfPresent(e.getKey(), (k, v) -> e.getValue()));
        return days;
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", Long.class),
                rs.getString("actor_name"), ModerationAction.valueOf(rs.getString("action")), type(rs),
                rs.getObject("target_id", Long.class), category(rs), rs.getString("reason"), rs.getString("before"),
                rs.getString("after"), rs.getString("outcome"));
    }

    private static FlagReason category(ResultSet rs) throws SQLException {
        String c = rs.getString("reason_category");
        return c == null ? null : FlagReason.valueOf(c);
    }

    private static TargetType type(ResultSet rs) throws SQLException {
        String t = rs.getString("target_type");
        return t == null ? null : TargetType.valueOf(t);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
