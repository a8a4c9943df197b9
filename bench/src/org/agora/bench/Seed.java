package org.agora.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Bench data written straight into the database (fast, and independent of the API being measured). */
final class Seed {
    private Seed() {
    }

    /** Members that are two days old (no new-account limits) with a WRITE API token each; returns the tokens. */
    static List<String> members(Connection db, int n) throws Exception {
        var tokens = new ArrayList<String>();
        var random = new SecureRandom();
        try (var account = db.prepareStatement("""
                insert into account (username, email, display_name, password_hash, role, email_verified_at, created_at)
                values (?, ?, ?, 'not-a-login', 'MEMBER', now(), now() - interval '2 days') returning id
                """);
             var token = db.prepareStatement("""
                insert into account_api_token (account_id, name, scope, token_hash)
                values (?, 'bench', 'WRITE', decode(?, 'hex'))
                """)) {
            for (int i = 0; i < n; i++) {
                account.setString(1, "bench_" + i);
                account.setString(2, "bench_" + i + "@bench.invalid");
                account.setString(3, "Bench " + i);
                long id;
                try (var rs = account.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                byte[] raw = new byte[32];
                random.nextBytes(raw);
                String plain = "agora_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                token.setLong(1, id);
                token.setString(2, Bench.sha256Hex(plain));
                token.executeUpdate();
                tokens.add(plain);
            }
        }
        return tokens;
    }

    /** A thread with an opening post and {@code posts} arguments by the bench members. */
    static long thread(Connection db, String title, int posts) throws Exception {
        long id;
        try (var topic = db.prepareStatement("""
                insert into debate_topic (category_id, title, summary, question_kind, created_at, last_activity_at)
                values (1, ?, 'Bench thread', 'OPEN', now() - interval '1 day', now()) returning id
                """)) {
            topic.setString(1, title);
            try (var rs = topic.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (var s = db.prepareStatement("""
                insert into debate_post (topic_id, stance, body, body_html, opening, created_at)
                values (?, 'NEUTRAL', 'Opening', '<p>Opening</p>', true, now() - interval '1 day')
                """)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        try (var s = db.prepareStatement("""
                insert into debate_post (topic_id, author_id, stance, body, body_html, created_at)
                select ?, (select min(id) from account where username like 'bench_%') + (i % 64),
                       case when i % 3 = 0 then 'PRO' when i % 3 = 1 then 'CON' else 'NEUTRAL' end,
                       'Argument ' || i || ' about compute, jobs and meaning',
                       '<p>Argument ' || i || ' about compute, jobs and meaning</p>',
                       now() - interval '1 day' + i * interval '1 second'
                  from generate_series(1, ?) i
                """)) {
            s.setLong(1, id);
            s.setInt(2, posts);
            s.executeUpdate();
        }
        try (var s = db.prepareStatement("""
                update debate_topic t set
                       pro_count = (select count(*) from debate_post p where p.topic_id = t.id and p.stance = 'PRO'),
                       con_count = (select count(*) from debate_post p where p.topic_id = t.id and p.stance = 'CON'),
                       neutral_count = (select count(*) from debate_post p where p.topic_id = t.id and p.stance = 'NEUTRAL'),
                       reply_count = (select count(*) from debate_post p where p.topic_id = t.id and not p.opening)
                 where t.id = ?
                """)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        return id;
    }

    /** {@code n} posts over 50 threads with varied words, for search. */
    static void searchCorpus(Connection db, int n) throws Exception {
        var threads = new ArrayList<Long>();
        for (int i = 0; i < 50; i++) {
            threads.add(thread(db, "Bench: search corpus " + i, 0));
        }
        try (var s = db.prepareStatement("""
                insert into debate_post (topic_id, author_id, stance, body, body_html, created_at)
                select (?::bigint[])[1 + i % 50], (select min(id) from account where username like 'bench_%') + (i % 64),
                       case when i % 2 = 0 then 'PRO' else 'CON' end,
                       w.body, '<p>' || w.body || '</p>', now() - i * interval '1 second'
                  from generate_series(1, ?) i
                  cross join lateral (select (array['compute','energy','jobs','meaning','regulation','talent','robots',
                                                    'grid','forecast','timeline','data','algorithms'])[1 + i % 12]
                                             || ' ' || md5(i::text) || ' '
                                             || (array['gpu','power','work','purpose','law','people'])[1 + (i / 7) % 6]
                                             || case when i % 97 = 0 then ' gigafactory' else '' end as body) w
                """)) {
            s.setArray(1, db.createArrayOf("bigint", threads.toArray()));
            s.setInt(2, n);
            s.executeUpdate();
        }
    }
    /** A poll and its option ids, in position order. */
    record SeededPoll(long id, List<Long> options) {
    }

    /** An open single-choice poll (results always visible) with the given options. */
    static SeededPoll poll(Connection db, String question, String... labels) throws Exception {
        long id;
        try (var s = db.prepareStatement("""
                insert into poll (kind, question, status, min_choices, max_choices, results_visibility, created_at)
                values ('SINGLE', ?, 'OPEN', 1, 1, 'ALWAYS', now() - interval '1 hour') returning id
                """)) {
            s.setString(1, question);
            try (var rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        var options = new ArrayList<Long>();
        try (var s = db.prepareStatement("insert into poll_option (poll_id, label, position) values (?, ?, ?) returning id")) {
            for (int i = 0; i < labels.length; i++) {
                s.setLong(1, id);
                s.setString(2, labels[i]);
                s.setInt(3, i + 1);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    options.add(rs.getLong(1));
                }
            }
        }
        return new SeededPoll(id, List.copyOf(options));
    }

    /**
     * {@code n} (≤ 9,999,999) verified members, two days old, named {@code prefix0000001…}, created by one SQL
     * statement (no API tokens); returns their ids in ascending order. The zero-padded names arrive in index order,
     * so the unique indexes on username and email grow at their right edge (about twice as fast as unpadded).
     */
    static long[] accounts(Connection db, String prefix, int n) throws Exception {
        try (var s = db.prepareStatement("""
                insert into account (username, email, display_name, password_hash, role, email_verified_at, created_at)
                select ? || lpad(i::text, 7, '0'), ? || lpad(i::text, 7, '0') || '@bench.invalid', 'Voter ' || i,
                       'not-a-login', 'MEMBER', now(), now() - interval '2 days'
                  from generate_series(1, ?) i
                """)) {
            s.setString(1, prefix);
            s.setString(2, prefix);
            s.setInt(3, n);
            s.executeUpdate();
        }
        try (var s = db.prepareStatement("select id from account where username like ? order by id")) {
            s.setString(1, prefix.replace("_", "\\_") + "%");
            var ids = new ArrayList<Long>(n);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /**
     * {@code n} members (as {@link #accounts}) with a personal WRITE API token each, stored as the app stores it
     * (SHA-256 of the token, account_api_token); returns the plain tokens, one per member.
     */
    static List<String> tokenMembers(Connection db, String prefix, int n) throws Exception {
        long[] ids = accounts(db, prefix, n);
        var tokens = new ArrayList<String>(n);
        var random = new SecureRandom();
        try (var token = db.prepareStatement("""
                insert into account_api_token (account_id, name, scope, token_hash)
                values (?, 'bench', 'WRITE', decode(?, 'hex'))
                """)) {
            for (long id : ids) {
                byte[] raw = new byte[32];
                random.nextBytes(raw);
                String plain = "agora_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                token.setLong(1, id);
                token.setString(2, Bench.sha256Hex(plain));
                token.addBatch();
                tokens.add(plain);
            }
            token.executeBatch();
        }
        return tokens;
    }

    /**
     * One ballot per account named {@code prefix…} in the poll, by one {@code insert … select}: options 1-4 chosen
     * by 40/30/20/10 % of the voters. Returns the number of ballots.
     */
    static long ballots(Connection db, SeededPoll poll, String prefix) throws Exception {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (var s = db.prepareStatement("""
                insert into poll_ballot (poll_id, voter_id, options, created_at, updated_at)
                select ?, a.id, array[(?::bigint[])[(array[1,1,1,1,2,2,2,3,3,4])[(1 + a.id % 10)::int]]], now(), now()
                  from account a
                 where a.username like ?
                """)) {
            s.setLong(1, poll.id());
            s.setArray(2, db.createArrayOf("bigint", poll.options().toArray()));
            s.setString(3, prefix.replace("_", "\\_") + "%");
            // a bulk load: the voters and the poll exist by construction, so the per-row foreign-key triggers are
            // skipped for this transaction (as pg_restore --disable-triggers does); the primary key still applies
            db.createStatement().execute("set local session_replication_role = replica");
            long n = s.executeUpdate();
            db.commit();
            return n;
        } catch (Exception e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /**
     * The poll's tallies from its ballots, as the vote path keeps them: per option and bucket -1 (voters), in 16
     * slots by {@code voter_id % 16} (BallotRepository.count's slot rule). Replaces any tally rows of the poll.
     */
    static void tallies(Connection db, long pollId) throws Exception {
        try (var s = db.prepareStatement("delete from poll_tally where poll_id = ?")) {
            s.setLong(1, pollId);
            s.executeUpdate();
        }
        try (var s = db.prepareStatement("""
                insert into poll_tally (poll_id, bucket, slot, count)
                select b.poll_id, o, (b.voter_id % 16)::smallint, count(*)
                  from poll_ballot b, unnest(b.options) o
                 where b.poll_id = ?
                 group by 1, 2, 3
                union all
                select b.poll_id, -1, (b.voter_id % 16)::smallint, count(*)
                  from poll_ballot b
                 where b.poll_id = ?
                 group by 1, 2, 3
                """)) {
            s.setLong(1, pollId);
            s.setLong(2, pollId);
            s.executeUpdate();
        }
    }
}
