package org.agora.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only poll lists for the JSON API, filtered by whether a poll takes ballots now. Two queries per page
 * (polls, then all their options), never one per poll.
 */
@Repository
class PollQueries {
    private final JdbcClient jdbc;

    PollQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; never drafts. Open and closed follow {@link Poll#acceptsBallotsAt} and {@link Poll#closedAt}. */
    List<Poll> latest(PollCatalog.Filter filter, Instant now, int limit) {
        var rows = jdbc.sql("""
                        select id, kind, question, description, topic_id, status, min_choices, max_choices,
                               scale_min, scale_max, scale_low_label, scale_high_label, results_visibility,
                               closes_at, created_at, resolution
                          from poll
                         where status <> 'DRAFT'
                           and (:filter = 'ALL'
                                or (:filter = 'OPEN' and status = 'OPEN' and (closes_at is null or closes_at > :now))
                                or (:filter = 'CLOSED' and (status in ('CLOSED', 'RESOLVED')
                                                            or (status = 'OPEN' and closes_at <= :now))))
                         order by created_at desc, id desc
                         limit :n
                        """)
                .param("filter", filter.name()).param("now", Timestamp.from(now)).param("n", limit)
                .query(PollQueries::map).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PollOption>> options = new HashMap<>();
        jdbc.sql("select poll_id, id, label, position from poll_option where poll_id in (:ids) order by poll_id, position")
                .param("ids", rows.stream().map(Poll::id).toList())
                .query((ResultSet rs) -> {
                    options.computeIfAbsent(rs.getLong("poll_id"), k -> new ArrayList<>())
                            .add(new PollOption(rs.getLong("id"), rs.getString("label"), rs.getInt("position")));
                });
        return rows.stream().map(p -> new Poll(p.id(), p.kind(), p.question(), p.description(), p.topicId(),
                p.status(), p.minChoices(), p.maxChoices(), p.scaleMin(), p.scaleMax(), p.scaleLowLabel(),
                p.scaleHighLabel(), p.visibility(), p.closesAt(), p.createdAt(), p.resolution(),
                List.copyOf(options.getOrDefault(p.id(), List.of())))).toList();
    }

    /** A poll without its options (added by {@link #latest} from the second query). */
    private static Poll map(ResultSet rs, int n) throws SQLException {
        long topic = rs.getLong("topic_id");
        Long topicId = rs.wasNull() ? null : topic;
        int min = rs.getInt("scale_min");
        Integer scaleMin = rs.wasNull() ? null : min;
        int max = rs.getInt("scale_max");
        Integer scaleMax = rs.wasNull() ? null : max;
        var closes = rs.getTimestamp("closes_at");
        return new Poll(rs.getLong("id"), PollKind.valueOf(rs.getString("kind")), rs.getString("question"),
                rs.getString("description"), topicId, PollStatus.valueOf(rs.getString("status")),
                rs.getInt("min_choices"), rs.getInt("max_choices"), scaleMin, scaleMax,
                rs.getString("scale_low_label"), rs.getString("scale_high_label"),
                ResultsVisibility.valueOf(rs.getString("results_visibility")),
                closes == null ? null : closes.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getString("resolution"), List.of());
    }
}
