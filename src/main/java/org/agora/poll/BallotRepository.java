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

    /**
     * "The voter may take part now": no silence, suspension or ban in force (the rule of account's
     * {@code SanctionRepository.active}; warnings never stop anyone). Lets a ballot be one autocommitted statement
     * instead of a check, the ballot and a commit; when it stops a ballot, the service asks account why.
     */
    private static final String VOTER_IN_GOOD_STANDING = """
             and not exists (select 1 from account_sanction s
                              where s.account_id = :voter and s.kind <> 'WARN' and s.lifted_at is null
                                and s.starts_at <= :now and (s.ends_at is null or s.ends_at > :now))
            """;

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

    /**
     * A voter's first ballot in one statement: the ballot (only while the poll row is open and the voter is in
     * good standing), its history row and the tallies (in ascending bucket order, in the voter's slot). False,
     * with nothing written, if the voter has a ballot already, the poll is not open or the voter is sanctioned.
     */
    boolean firstBallot(long pollId, long voterId, Ballot ballot, Instant now, java.util.SortedMap<Long, Integer> deltas) {
        return jdbc.sql("""
                        with ballot as (
                            insert into poll_ballot (poll_id, voter_id, options, value, created_at, updated_at)
                            select :poll, :voter, :options, :value, :now, :now
                             where exists (select 1 from poll p where p.id = :poll and p.status = 'OPEN'
                                                                  and (p.closes_at is null or p.closes_at > :now))
                        """ + VOTER_IN_GOOD_STANDING + """
                            on conflict (poll_id, voter_id) do nothing
                            returning poll_id
                        ), history as (
                            insert into poll_ballot_history (poll_id, voter_id, at, new_options, new_value)
                            select :poll, :voter, :now, :options, :value from ballot
                        ), tally as (
                            insert into poll_tally (poll_id, bucket, slot, count)
                            select :poll, d.bucket, :slot, d.delta
                              from ballot, unnest(cast(:buckets as bigint[]), cast(:deltas as integer[]))
                                   with ordinality as d (bucket, delta, n)
                             order by d.n
                            on conflict (poll_id, bucket, slot) do update set count = poll_tally.count + excluded.count
                        )
                        select count(*) from ballot
                        """)
                .param("poll", pollId).param("voter", voterId).param("options", array(ballot))
                .param("value", ballot.value()).param("now", Timestamp.from(now))
                .param("slot", (int) Math.floorMod(voterId, SLOTS))
                .param("buckets", deltas.keySet().toArray(Long[]::new))
                .param("deltas", deltas.values().toArray(Integer[]::new))
                .query(Long.class).single() == 1;
    }

    /**
     * Changes a voter's ballot to another in one statement, without a transaction around it: locks the ballot row,
     * writes the new ballot (only if it differs, while the poll row is open and the voter is in good standing),
     * its history row (old and new), and moves the tallies from the old ballot's buckets to the new one's (net per
     * bucket, ascending, in the voter's slot; the voters bucket does not move). The old buckets are read from the
     * locked row by the same rule as {@code PollService.deltas}: options for single and multiple choice, the first
     * preference for ranked, the value for scales and forecasts. False, with nothing written, if the voter has no
     * ballot, the same one, or may not vote now (the service then asks why in a transaction).
     */
    boolean changeAtOnce(long pollId, long voterId, PollKind kind, Ballot after, List<Long> afterBuckets, Instant now) {
        return jdbc.sql("""
                        with changed as (
                            update poll_ballot b set options = cast(:options as bigint[]), value = cast(:value as integer),
                                                     updated_at = :now
                              from (select options, value from poll_ballot
                                     where poll_id = :poll and voter_id = :voter for update) old
                             where b.poll_id = :poll and b.voter_id = :voter
                               and (old.options is distinct from cast(:options as bigint[])
                                    or old.value is distinct from cast(:value as integer))
                               and exists (select 1 from poll p where p.id = :poll and p.status = 'OPEN'
                                                                and (p.closes_at is null or p.closes_at > :now))
                        """ + VOTER_IN_GOOD_STANDING + """
                            returning old.options as old_options, old.value as old_value
                        ), history as (
                            insert into poll_ballot_history (poll_id, voter_id, at, old_options, old_value, new_options, new_value)
                            select :poll, :voter, :now, old_options, old_value, cast(:options as bigint[]), cast(:value as integer)
                              from changed
                        ), moves as (
                            select bucket, sum(delta)::integer as delta
                              from (select unnest(case when :kind in ('SINGLE', 'MULTIPLE') then old_options
                                                       when :kind = 'RANKED' then array[old_options[1]]
                                                       else array[old_value::bigint] end) as bucket, -1 as delta
                                      from changed
                                    union all
                                    select unnest(cast(:afterBuckets as bigint[])), 1 from changed) d
                             group by bucket
                            having sum(delta) <> 0
                        ), tally as (
                            insert into poll_tally (poll_id, bucket, slot, count)
                            select :poll, bucket, :slot, delta from moves order by bucket
                            on conflict (poll_id, bucket, slot) do update set count = poll_tally.count + excluded.count
                        )
                        select count(*) from changed
                        """)
                .param("poll", pollId).param("voter", voterId).param("options", array(after))
                .param("value", after.value()).param("now", Timestamp.from(now)).param("kind", kind.name())
                .param("afterBuckets", afterBuckets.toArray(Long[]::new))
                .param("slot", (int) Math.floorMod(voterId, SLOTS))
                .query(Long.class).single() == 1;
    }

    /**
     * Changes a ballot (already row-locked by {@link #findForUpdate}) in one statement: the ballot, only while the
     * poll row is open, its history row and the tallies. False, with nothing written, if the poll is not open.
     */
    boolean changeBallot(long pollId, long voterId, Ballot before, Ballot after, Instant now,
                         java.util.SortedMap<Long, Integer> deltas) {
        return jdbc.sql("""
                        with ballot as (
                            update poll_ballot set options = :options, value = :value, updated_at = :now
                             where poll_id = :poll and voter_id = :voter
                               and exists (select 1 from poll p where p.id = :poll and p.status = 'OPEN'
                                                                and (p.closes_at is null or p.closes_at > :now))
                            returning poll_id
                        ), history as (
                            insert into poll_ballot_history (poll_id, voter_id, at, old_options, old_value, new_options, new_value)
                            select :poll, :voter, :now, :oldOptions, :oldValue, :options, :value from ballot
                        ), tally as (
                            insert into poll_tally (poll_id, bucket, slot, count)
                            select :poll, d.bucket, :slot, d.delta
                              from ballot, unnest(cast(:buckets as bigint[]), cast(:deltas as integer[]))
                                   with ordinality as d (bucket, delta, n)
                             order by d.n
                            on conflict (poll_id, bucket, slot) do update set count = poll_tally.count + excluded.count
                        )
                        select count(*) from ballot
                        """)
                .param("poll", pollId).param("voter", voterId).param("options", array(after))
                .param("value", after.value()).param("oldOptions", array(before)).param("oldValue", before.value())
                .param("now", Timestamp.from(now)).param("slot", (int) Math.floorMod(voterId, SLOTS))
                .param("buckets", deltas.keySet().toArray(Long[]::new))
                .param("deltas", deltas.values().toArray(Integer[]::new))
                .query(Long.class).single() == 1;
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

    /**
     * Adds each net change to its bucket in the voter's slot, in one statement, in ascending bucket order (so
     * concurrent ballots lock tally rows in the same order and never deadlock): 16 slots per bucket, never one
     * hot row.
     */
    void count(long pollId, long voterId, java.util.SortedMap<Long, Integer> deltas) {
        jdbc.sql("""
                        insert into poll_tally (poll_id, bucket, slot, count)
                        select :poll, d.bucket, :slot, d.delta
                          from unnest(cast(:buckets as bigint[]), cast(:deltas as integer[])) with ordinality as d (bucket, delta, n)
                         order by d.n
                        on conflict (poll_id, bucket, slot) do update set count = poll_tally.count + excluded.count
                        """)
                .param("poll", pollId).param("slot", (int) Math.floorMod(voterId, SLOTS))
                .param("buckets", deltas.keySet().toArray(Long[]::new))
                .param("deltas", deltas.values().toArray(Integer[]::new)).update();
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

    void saveOtherAnswer(long pollId, long voterId, String text, Instant now) {
        jdbc.sql("""
                        insert into poll_other_answer (poll_id, voter_id, text, updated_at) values (:poll, :voter, :text, :now)
                        on conflict (poll_id, voter_id) do update set text = excluded.text, hidden = false,
                                                                      updated_at = excluded.updated_at
                        """)
                .param("poll", pollId).param("voter", voterId).param("text", text).param("now", Timestamp.from(now))
                .update();
    }

    void deleteOtherAnswer(long pollId, long voterId) {
        jdbc.sql("delete from poll_other_answer where poll_id = :poll and voter_id = :voter")
                .param("poll", pollId).param("voter", voterId).update();
    }

    Optional<String> otherAnswer(long pollId, long voterId) {
        return jdbc.sql("select text from poll_other_answer where poll_id = :poll and voter_id = :voter")
                .param("poll", pollId).param("voter", voterId).query(String.class).optional();
    }

    boolean hideOtherAnswer(long pollId, long voterId, boolean hidden) {
        return jdbc.sql("update poll_other_answer set hidden = :hidden where poll_id = :poll and voter_id = :voter")
                .param("poll", pollId).param("voter", voterId).param("hidden", hidden).update() == 1;
    }

    List<OtherAnswer> otherAnswers(long pollId, boolean withHidden, boolean withNames, int limit) {
        return jdbc.sql("""
                        select o.voter_id, a.username, o.text, o.hidden, o.updated_at
                          from poll_other_answer o join account a on a.id = o.voter_id
                         where o.poll_id = :poll and (:withHidden or not o.hidden)
                         order by o.updated_at desc, o.voter_id
                         limit :limit
                        """)
                .param("poll", pollId).param("withHidden", withHidden).param("limit", limit)
                .query((rs, n) -> new OtherAnswer(rs.getLong("voter_id"), withNames ? rs.getString("username") : null,
                        rs.getString("text"), rs.getBoolean("hidden"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    List<PublicBallot> publicBallots(long pollId) {
        return jdbc.sql("""
                        select a.username, a.display_name, b.options, b.value
                          from poll_ballot b join account a on a.id = b.voter_id
                         where b.poll_id = :poll
                         order by b.updated_at desc, b.voter_id
                         limit 1000
                        """)
                .param("poll", pollId)
                .query((rs, n) -> new PublicBallot(rs.getString("username"), rs.getString("display_name"), map(rs, n)))
                .list();
    }

    /** Every ballot change of a poll in time order: (voter, when, old, new) — for how minds moved and scoring. */
    List<BallotChange> changes(long pollId) {
        return jdbc.sql("""
                        select voter_id, at, old_options, old_value, new_options, new_value
                          from poll_ballot_history where poll_id = :poll order by at, id
                        """)
                .param("poll", pollId)
                .query((rs, n) -> new BallotChange(rs.getLong("voter_id"), rs.getTimestamp("at").toInstant(),
                        ballot(rs, "old_options", "old_value"), ballot(rs, "new_options", "new_value")))
                .list();
    }

    /** Each voter's current ballot, by voter id (for splits and cross-tabs; not the hot path). */
    Map<Long, Ballot> ballotsByVoter(long pollId) {
        var result = new HashMap<Long, Ballot>();
        jdbc.sql("select voter_id, options, value from poll_ballot where poll_id = :poll").param("poll", pollId)
                .query((ResultSet rs) -> {
                    result.put(rs.getLong("voter_id"), map(rs, 0));
                });
        return result;
    }

    /** Other polls at least {@code min} of this poll's voters answered, most shared first. */
    List<Long> pollsSharingVoters(long pollId, int min) {
        return jdbc.sql("""
                        select o.poll_id from poll_ballot b join poll_ballot o on o.voter_id = b.voter_id
                         where b.poll_id = :poll and o.poll_id <> :poll
                         group by o.poll_id having count(*) >= :min
                         order by count(*) desc, o.poll_id limit 50
                        """)
                .param("poll", pollId).param("min", min).query(Long.class).list();
    }

    private static Ballot ballot(ResultSet rs, String optionsColumn, String valueColumn) throws SQLException {
        Array options = rs.getArray(optionsColumn);
        Integer value = rs.getObject(valueColumn, Integer.class);
        if (options == null && value == null) {
            return null;
        }
        return new Ballot(options == null ? null : Arrays.asList((Long[]) options.getArray()), value);
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
