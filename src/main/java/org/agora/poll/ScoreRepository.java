package org.agora.poll;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Forecasters' scores on resolved forecasts, and what is read from them. A forecast that staff removed counts
 * nowhere (leaderboard, calibration, profiles), though its scores are kept should it be restored.
 */
@Repository
class ScoreRepository {
    private final JdbcClient jdbc;

    ScoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long pollId, long voterId, ForecastScoring.Score score, int lastPercent, boolean outcome) {
        jdbc.sql("""
                        insert into poll_forecast_score (poll_id, voter_id, brier, log_score, held_seconds, last_percent, outcome)
                        values (:poll, :voter, :brier, :log, :held, :last, :outcome)
                        """)
                .param("poll", pollId).param("voter", voterId).param("brier", score.brier()).param("log", score.log())
                .param("held", score.held().toSeconds()).param("last", lastPercent).param("outcome", outcome)
                .update();
    }

    List<ForecasterRanking> leaderboard(int minResolved, int limit) {
        return jdbc.sql("""
                        select a.username, a.display_name, count(*) as questions, avg(s.brier) as brier,
                               avg(s.log_score) as log_score
                          from poll_forecast_score s join account a on a.id = s.voter_id
                          join poll p on p.id = s.poll_id and p.deleted_at is null
                         group by a.id, a.username, a.display_name
                        having count(*) >= :min
                         order by avg(s.brier), count(*) desc, a.username
                         limit :limit
                        """)
                .param("min", minResolved).param("limit", limit)
                .query((rs, n) -> new ForecasterRanking(n + 1, rs.getString("username"), rs.getString("display_name"),
                        rs.getInt("questions"), rs.getDouble("brier"), rs.getDouble("log_score")))
                .list();
    }

    List<Calibration.Prediction> predictions() {
        return jdbc.sql("""
                        select s.last_percent, s.outcome
                          from poll_forecast_score s join poll p on p.id = s.poll_id and p.deleted_at is null
                        """)
                .query((rs, n) -> new Calibration.Prediction(rs.getInt("last_percent"), rs.getBoolean("outcome")))
                .list();
    }

    List<ForecastScore> ofMember(String username) {
        return jdbc.sql("""
                        select p.id, p.question, p.resolution, p.resolved_at, a.username, s.brier, s.log_score, s.last_percent
                          from poll_forecast_score s join poll p on p.id = s.poll_id join account a on a.id = s.voter_id
                         where a.username = :username and p.deleted_at is null
                         order by p.resolved_at desc, p.id desc
                         limit 200
                        """)
                .param("username", username).query(this::memberScore).list();
    }

    List<ForecastScore> ofPoll(long pollId) {
        return jdbc.sql("""
                        select p.id, p.question, p.resolution, p.resolved_at, a.username, s.brier, s.log_score, s.last_percent
                          from poll_forecast_score s join poll p on p.id = s.poll_id join account a on a.id = s.voter_id
                         where s.poll_id = :poll and p.deleted_at is null
                         order by s.brier, a.username
                         limit 500
                        """)
                .param("poll", pollId).query(this::memberScore).list();
    }

    private ForecastScore memberScore(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ForecastScore(rs.getLong("id"), rs.getString("question"), rs.getString("resolution"),
                rs.getTimestamp("resolved_at").toInstant(), rs.getString("username"), rs.getDouble("brier"),
                rs.getDouble("log_score"), rs.getInt("last_percent"));
    }
}
