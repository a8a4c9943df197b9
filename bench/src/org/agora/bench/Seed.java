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
}
