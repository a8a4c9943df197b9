package org.agora.poll;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Embedded polls' settings, readers' anonymous ballots (one per reader id) and their slotted tallies. */
@Repository
class ReaderBallotRepository {
    private final JdbcClient jdbc;

    ReaderBallotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EmbedSettings> settings(long pollId) {
        return jdbc.sql("""
                        select poll_id, enabled, any_origin, origins, anonymous_voting, results_after_voting
                          from poll_embed where poll_id = :poll
                        """)
                .param("poll", pollId)
                .query((rs, n) -> new EmbedSettings(rs.getLong("poll_id"), rs.getBoolean("enabled"),
                        rs.getBoolean("any_origin"), List.of((String[]) rs.getArray("origins").getArray()),
                        rs.getBoolean("anonymous_voting"), rs.getBoolean("results_after_voting")))
                .optional();
    }

    void save(EmbedSettings s, Long by, Instant now) {
        jdbc.sql("""
                        insert into poll_embed (poll_id, enabled, any_origin, origins, anonymous_voting,
                                                results_after_voting, updated_at, updated_by)
                        values (:poll, :enabled, :any, :origins, :anonymous, :after, :now, :by)
                        on conflict (poll_id) do update set enabled = excluded.enabled, any_origin = excluded.any_origin,
                            origins = excluded.origins, anonymous_voting = excluded.anonymous_voting,
                            results_after_voting = excluded.results_after_voting, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        """)
                .param("poll", s.pollId()).param("enabled", s.enabled()).param("any", s.anyOrigin())
                .param("origins", s.origins().toArray(String[]::new)).param("anonymous", s.anonymousVoting())
                .param("after", s.resultsAfterVoting()).param("now", Timestamp.from(now)).param("by", by).update();
    }

    /**
     * A reader's ballot in one statement: the ballot (only while the poll row is open and its embed settings take
     * anonymous ballots) and the readers' tallies (ascending buckets, in the reader's slot). False, with nothing
     * written, if this reader id voted already or the poll does not take anonymous ballots now.
     */
    boolean insert(long pollId, UUID reader, Ballot ballot, Instant now, SortedMap<Long, Integer> deltas) {
        return jdbc.sql("""
                        with ballot as (
                            insert into poll_reader_ballot (poll_id, reader_id, options, value, created_at)
                            select :poll, :reader, :options, :value, :now
                             where exists (select 1 from poll p join poll_embed e on e.poll_id = p.id
                                            where p.id = :poll and p.status = 'OPEN'
                                              and (p.closes_at is null or p.closes_at > :now)
                                              and e.enabled and e.anonymous_voting)
                            on conflict (poll_id, reader_id) do nothing
                            returning poll_id
                        ), tally as (
                            insert into poll_reader_tally (poll_id, bucket, slot, count)
                            select :poll, d.bucket, :slot, d.delta
                              from ballot, unnest(cast(:buckets as bigint[]), cast(:deltas as integer[]))
                                   with ordinality as d (bucket, delta, n)
                             order by d.n
                            on conflict (poll_id, bucket, slot) do update set count = poll_reader_tally.count + excluded.count
                        )
                        select count(*) from ballot
                        """)
                .param("poll", pollId).param("reader", reader)
                .param("options", ballot.options() == null ? null : ballot.options().toArray(Long[]::new))
                .param("value", ballot.value()).param("now", Timestamp.from(now))
                .param("slot", slot(reader))
                .param("buckets", deltas.keySet().toArray(Long[]::new))
                .param("deltas", deltas.values().toArray(Integer[]::new))
                .query(Long.class).single() == 1;
    }

    boolean exists(long pollId, UUID reader) {
        return jdbc.sql("select exists (select 1 from poll_reader_ballot where poll_id = :poll and reader_id = :reader)")
                .param("poll", pollId).param("reader", reader).query(Boolean.class).single();
    }

    /** The readers' tally: summed slots per bucket (at most 16 small rows per bucket). */
    Map<Long, Long> tally(long pollId) {
        var counts = new HashMap<Long, Long>();
        jdbc.sql("select bucket, sum(count) as n from poll_reader_tally where poll_id = :poll group by bucket")
                .param("poll", pollId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getLong("bucket"), rs.getLong("n"));
                });
        return counts;
    }

    /** A recount from the readers' ballots (reconciliation only, never on the hot path). */
    Map<Long, Long> recount(long pollId, PollKind kind) {
        var counts = new HashMap<Long, Long>();
        String sql = switch (kind) {
            case SINGLE, MULTIPLE -> """
                    select o as bucket, count(*) as n from poll_reader_ballot, unnest(options) o
                     where poll_id = :poll group by o
                    """;
            case RANKED -> "select options[1] as bucket, count(*) as n from poll_reader_ballot where poll_id = :poll group by 1";
            case SCALE, FORECAST -> "select value as bucket, count(*) as n from poll_reader_ballot where poll_id = :poll group by 1";
        };
        jdbc.sql(sql).param("poll", pollId).query((ResultSet rs) -> {
            counts.put(rs.getLong("bucket"), rs.getLong("n"));
        });
        long voters = jdbc.sql("select count(*) from poll_reader_ballot where poll_id = :poll").param("poll", pollId)
                .query(Long.class).single();
        if (voters > 0) {
            counts.put(BallotRepository.VOTERS, voters);
        }
        return counts;
    }

    static int slot(UUID reader) {
        return (int) Math.floorMod(reader.getLeastSignificantBits(), (long) BallotRepository.SLOTS);
    }
}
