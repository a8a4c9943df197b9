package org.agora.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PollRepository {
    private static final String SELECT = """
            select id, kind, question, description, topic_id, status, min_choices, max_choices, scale_min, scale_max,
                   scale_low_label, scale_high_label, results_visibility, closes_at, created_at, resolution
              from poll
            """;

    private final JdbcClient jdbc;

    PollRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Poll> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Poll> forTopic(long topicId) {
        return jdbc.sql(SELECT + " where topic_id = :topic order by id limit 1").param("topic", topicId)
                .query(this::map).optional();
    }

    List<Poll> latest(int limit) {
        return jdbc.sql(SELECT + " where status <> 'DRAFT' order by created_at desc, id desc limit :n")
                .param("n", limit).query(this::map).list();
    }

    private List<PollOption> options(long pollId) {
        return jdbc.sql("select id, label, position from poll_option where poll_id = :p order by position")
                .param("p", pollId)
                .query((rs, n) -> new PollOption(rs.getLong("id"), rs.getString("label"), rs.getInt("position")))
                .list();
    }

    private Poll map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long topic = rs.getLong("topic_id");
        Long topicId = rs.wasNull() ? null : topic;
        int min = rs.getInt("scale_min");
        Integer scaleMin = rs.wasNull() ? null : min;
        int max = rs.getInt("scale_max");
        Integer scaleMax = rs.wasNull() ? null : max;
        var closes = rs.getTimestamp("closes_at");
        return new Poll(id, PollKind.valueOf(rs.getString("kind")), rs.getString("question"),
                rs.getString("description"), topicId, PollStatus.valueOf(rs.getString("status")),
                rs.getInt("min_choices"), rs.getInt("max_choices"), scaleMin, scaleMax,
                rs.getString("scale_low_label"), rs.getString("scale_high_label"),
                ResultsVisibility.valueOf(rs.getString("results_visibility")),
                closes == null ? null : closes.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getString("resolution"), options(id));
    }
}
