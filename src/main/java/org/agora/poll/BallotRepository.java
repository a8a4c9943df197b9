package org.agora.poll;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ballots (one row per poll and voter), their history, and the slotted tallies kept in the same transaction. */
@Repository
class BallotRepository {
    static final int SLOTS = 16;
    /** The tally bucket that counts voters (ballots), beside the per-option or per-value buckets. */
    static final long VOTERS = -1;

    private final JdbcClient jdbc;

    BallotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true if this voter had no ballot in the poll yet (and now has this one) */
    boolean insert(long pollId, long voterId, Ballot ballot, Instant now) {
        return jdbc.sql("""
                        insert into poll_ballot (poll_id, voter_id, options, value, created_at, updated_at)
                        values (:poll, :voter, :options, :value, :now, :now)
                        on conflict (poll_id, voter_id) do nothing
                        """)
                .param("poll", pollId).param("voter", voterId).param("options", array(ballot))
                .param("value", ballot.value()).param("now", Timestamp.from(now)).update() == 1;
    }

    /** The voter's ballot, row-locked until the transaction ends. */
    Optional<Ballot> findForUpdate(long pollId, long voterId) {
        return jdbc.sql("select options, value from poll_ballot where poll_id = :poll and voter_id = :voter for update")
                .param("poll", pollId).param("voter", voterId).query(BallotRepository::map).optional();
    }

    Optional<Ballot> find(long pollId, long voterId) {
        return jdbc.sql("select options, value from poll_ballot where poll_id = :poll and voter_id = :voter")
                .param("poll", pollId).param("voter", voterId).query(BallotRepository::map).optional();
    }

    void update(long pollId, long voterId, Ballot ballot, Instant now) {
        jdbc.sql("""
                        update poll_ballot set options = :options, value = :value, updated_at = :now
                         where poll_id = :poll and voter_id = :voter
                        """)
                .param("poll", pollId).param("voter", voterId).param("options", array(ballot))
                .param("value", ballot.value()).param("now", Timestamp.from(now)).update();
    }

    boolean delete(long pollId, long voterId) {
        return jdbc.sql("delete from poll_ballot where poll_id = :poll and voter_id = :voter")
                .param("poll", pollId).param("voter", voterId).update() == 1;
    }

    void history(long pollId, long voterId, Ballot before, Ballot after, Instant now) {
        jdbc.sql("""
                        insert into poll_ballot_history (poll_id, voter_id, at, old_options, old_value, new_options, new_value)
                        values (:poll, :voter, :now, :oldOptions, :oldValue, :newOptions, :newValue)
                        """)
                .param("poll", pollId).param("voter", voterId).param("now", Timestamp.from(now))
                .param("oldOptions", before == null ? null : array(before))
                .param("oldValue", before == null ? null : before.value())
                .param("newOptions", after == null ? null : array(after))
                .param("newValue", after == null ? null : after.value())
                .update();
    }

    /** Adds {@code delta} to a bucket in the voter's slot: rows spread over 16 slots, never one hot row. */
    void count(long pollId, long bucket, long voterId, int delta) {
        jdbc.sql("""
                        insert into poll_tally (poll_id, bucket, slot, count) values (:poll, :bucket, :slot, :delta)
                        on conflict (poll_id, bucket, slot) do update set count = poll_tally.count + excluded.count
                        """)
                .param("poll", pollId).param("bucket", bucket).param("slot", (int) Math.floorMod(voterId, SLOTS))
                .param("delta", delta).update();
    }

    /** The tally: summed slots per bucket (16 small rows per bucket, an index range scan). */
    Map<Long, Long> tally(long pollId) {
        var counts = new HashMap<Long, Long>();
        jdbc.sql("select bucket, sum(count) as n from poll_tally where poll_id = :poll group by bucket")
                .param("poll", pollId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getLong("bucket"), rs.getLong("n"));
                });
        return counts;
    }

    /** A recount from the ballots themselves (not for the hot path: reconciliation only). */
    Map<Long, Long> recount(long pollId, PollKind kind) {
        var counts = new HashMap<Long, Long>();
        String sql = switch (kind) {
            case SINGLE, MULTIPLE -> """
                    select o as bucket, count(*) as n from poll_ballot, unnest(options) o
                     where poll_id = :poll group by o
                    """;
            case RANKED -> "select options[1] as bucket, count(*) as n from poll_ballot where poll_id = :poll group by 1";
            case SCALE, FORECAST -> "select value as bucket, count(*) as n from poll_ballot where poll_id = :poll group by 1";
        };
        jdbc.sql(sql).param("poll", pollId).query((ResultSet rs) -> {
            counts.put(rs.getLong("bucket"), rs.getLong("n"));
        });
        long voters = jdbc.sql("select count(*) from poll_ballot where poll_id = :poll").param("poll", pollId)
                .query(Long.class).single();
        if (voters > 0) {
            counts.put(VOTERS, voters);
        }
        return counts;
    }

    /** Current forecasts, oldest update first (for the recency-weighted community forecast). */
    List<Integer> forecastsOldestFirst(long pollId) {
        return jdbc.sql("select value from poll_ballot where poll_id = :poll order by updated_at, voter_id")
                .param("poll", pollId).query(Integer.class).list();
    }

    /** Rankings of every ballot (for instant runoff; computed on read, not on the voting path). */
    List<List<Long>> rankings(long pollId) {
        return all(pollId).stream().map(Ballot::options).toList();
    }

    List<Ballot> all(long pollId) {
        return jdbc.sql("select options, value from poll_ballot where poll_id = :poll").param("poll", pollId)
                .query(BallotRepository::map).list();
    }

    private static Long[] array(Ballot ballot) {
        return ballot.options() == null ? null : ballot.options().toArray(Long[]::new);
    }

    private static Ballot map(ResultSet rs, int n) throws SQLException {
        Array options = rs.getArray("options");
        int value = rs.getInt("value");
        Integer v = rs.wasNull() ? null : value;
        return new Ballot(options == null ? null : Arrays.asList((Long[]) options.getArray()), v);
    }
}
