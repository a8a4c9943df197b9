package org.agora.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Security case 14: backup and restore. {@code deploy/backup.sh} dumps a database that Agora's migrations made and
 * that holds rows in every table (Unicode, emoji, odd text, arrays, JSON, bytes, floats), and {@code deploy/restore.sh}
 * restores the archive into a fresh database: every table of the public schema (listed from the catalog, so a new
 * table cannot be forgotten) has the same rows, checked by count and checksum, every sequence the same value, and
 * the schema the same constraints, indexes and triggers. The restore refuses a database that is not empty.
 *
 * <p>The app's embedded PostgreSQL (18) has no {@code pg_dump}, and Debian's client tools (15) refuse a newer
 * server, so this test runs a throw-away server of Debian's own version (as {@code deploy/local-cluster.sh} does:
 * as root through {@code runuser -u postgres}); it is skipped when Debian's PostgreSQL server is not installed
 * ({@code .ci/run} installs it). No Spring context: the rows are written with SQL against the migrated schema.
 */
class BackupRestoreTest {
    private static final String USER = "agora";
    private static Path bin;
    private static Path root;
    private static Path data;
    private static int port;
    private static Path archive;

    // ---- the throw-away server

    @BeforeAll
    static void startServerAndBackUp() throws Exception {
        bin = debianPostgresBin();
        assumeTrue(bin != null, "Debian's PostgreSQL server is not installed (no /usr/lib/postgresql/*/bin/postgres; "
                + "apt-get install -y postgresql, as .ci/run does): backup and restore (security case 14) NOT checked");
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || run(List.of("id", "postgres"), Map.of()).exit() == 0,
                "running as root but there is no postgres user to run PostgreSQL as: case 14 NOT checked");

        // outside the checkout: a clone may sit in a folder the postgres user cannot enter (mktemp -d makes 0700 ones)
        BackupRestoreTest.root = Files.createTempDirectory("agora-backup-restore-test-").toAbsolutePath();
        data = BackupRestoreTest.root.resolve("data");
        Path socket = BackupRestoreTest.root.resolve("socket");
        Files.createDirectories(data);
        Files.createDirectories(socket);
        if (root) {
            // PostgreSQL refuses to run as root: its files belong to the postgres user made by Debian's package
            expectSuccess(run(List.of("chown", "-R", "postgres:postgres", BackupRestoreTest.root.toString()), Map.of()));
        }
        expectSuccess(run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")), Map.of()));
        port = freePort();
        // fsync off: a throw-away server, nothing here tests crash safety (DurabilityTest does)
        expectSuccess(run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", BackupRestoreTest.root.resolve("postgres.log").toString(), "-w", "-t", "60", "start",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + socket + " -c fsync=off")), Map.of()));

        createDatabase("source");
        Flyway.configure().dataSource(url("source"), USER, null).locations("classpath:db/migration").load().migrate();
        fill(client("source"));

        var backup = script("deploy/backup.sh", "-d", "source", "--dir", BackupRestoreTest.root.resolve("backups").toString());
        expectSuccess(backup);
        archive = Path.of(backup.out().strip());
        assertThat(archive.getFileName().toString()).matches("agora-\\d{8}T\\d{6}Z\\.dump");
        assertThat(archive).isRegularFile();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (data != null && Files.exists(data.resolve("postmaster.pid"))) {
            expectSuccess(run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                    "-m", "fast", "-w", "-t", "60", "stop")), Map.of()));
        }
        if (root != null) {
            deleteTree(root);
        }
    }

    // ---- the cases

    @Test
    void a_restored_backup_has_every_table_with_the_same_rows_and_every_sequence_at_the_same_value() throws Exception {
        createDatabase("restored");
        expectSuccess(script("deploy/restore.sh", "-d", "restored", archive.toString()));

        var source = fingerprint(client("source"));
        var restored = fingerprint(client("restored"));
        assertThat(source.tables().keySet()).as("tables of the public schema")
                .contains("account", "debate_post", "poll_ballot", "poll_tally", "moderation_audit", "flyway_schema_history")
                .hasSizeGreaterThan(30);
        source.tables().forEach((table, rows) -> assertThat(rows).as(table + ": rows in the source (add realistic "
                + "rows for a new table to fill(), so that its backup is checked)").doesNotStartWith("0 "));
        assertThat(restored.tables()).as("row count and checksum of every table").isEqualTo(source.tables());
        assertThat(restored.sequences()).as("sequences").isNotEmpty().isEqualTo(source.sequences());
        assertThat(restored.schema()).as("constraints, indexes, triggers, functions")
                .containsExactlyInAnyOrderElementsOf(source.schema());

        // the restored audit log is still insert-only, and the restored sequences go on where the source's were
        var db = client("restored");
        assertThatThrownBy(() -> db.sql("update moderation_audit set reason = 'rewritten'").update())
                .rootCause().hasMessageContaining("insert-only");
        long nextAccount = db.sql("""
                insert into account (username, email, display_name, password_hash)
                values ('after_restore', 'after@example.org', 'After', 'x') returning id
                """).query(Long.class).single();
        long maxAccount = client("source").sql("select max(id) from account").query(Long.class).single();
        assertThat(nextAccount).isGreaterThan(maxAccount);
    }

    @Test
    void restore_refuses_a_database_that_is_not_empty_and_leaves_it_unchanged() throws Exception {
        createDatabase("occupied");
        var db = client("occupied");
        db.sql("create table keep_me (id int primary key, note text)").update();
        db.sql("insert into keep_me values (1, 'still here')").update();

        var refused = script("deploy/restore.sh", "-d", "occupied", archive.toString());

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err()).contains("REFUSED", "not empty");
        assertThat(db.sql("select count(*) from pg_tables where schemaname = 'public'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(db.sql("select note from keep_me").query(String.class).single()).isEqualTo("still here");
    }

    @Test
    void restore_with_force_puts_a_database_of_the_same_release_back_as_it_was_at_the_backup() throws Exception {
        createDatabase("drifted");
        expectSuccess(script("deploy/restore.sh", "-d", "drifted", archive.toString()));
        var db = client("drifted");
        db.sql("""
                insert into account (username, email, display_name, password_hash)
                values ('came_later', 'later@example.org', 'Later', 'x')
                """).update();
        db.sql("update debate_post set body = 'vandalised' where not opening").update();
        db.sql("delete from poll_ballot where value is not null").update();
        db.sql("""
                insert into moderation_audit (at, actor_name, action, outcome) values (now(), 'someone', 'VIEW', 'DENIED')
                """).update();

        expectSuccess(script("deploy/restore.sh", "--force", "-d", "drifted", archive.toString()));

        var source = fingerprint(client("source"));
        var drifted = fingerprint(db);
        assertThat(drifted.tables()).isEqualTo(source.tables());
        assertThat(drifted.sequences()).isEqualTo(source.sequences());
    }

    @Test
    void a_backup_that_cannot_be_made_fails_loudly_and_leaves_no_file() throws Exception {
        Path dir = root.resolve("failed-backups");
        var failed = script("deploy/backup.sh", "-d", "no_such_database", "--dir", dir.toString());

        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("FAILED", "no_such_database");
        assertThat(failed.out()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("nothing left behind, not even a partial archive").isEmpty();
        }
    }

    // ---- comparing two databases

    /** Per table "rows md5", per sequence "last_value is_called", and the schema's definitions, sorted. */
    record Fingerprint(Map<String, String> tables, Map<String, String> sequences, List<String> schema) {
    }

    private static Fingerprint fingerprint(JdbcClient db) {
        var tables = new LinkedHashMap<String, String>();
        for (String table : db.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname
                """).query(String.class).list()) {
            String quoted = db.sql("select format('public.%I', :t::text)").param("t", table).query(String.class).single();
            // every column's text form, rows in a fixed order (the C.UTF-8 collation is the same on both sides)
            tables.put(table, db.sql("select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                    + " from " + quoted + " t").query(String.class).single());
        }
        var sequences = new LinkedHashMap<String, String>();
        for (String sequence : db.sql("""
                select format('public.%I', c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'S' order by c.relname
                """).query(String.class).list()) {
            sequences.put(sequence, db.sql("select last_value || ' ' || is_called from " + sequence)
                    .query(String.class).single());
        }
        var schema = new ArrayList<String>();
        // a restored check constraint may be printed with fewer parentheses ("a and b and c" was "(a and b) and c"
        // before): compare constraint definitions without them
        schema.addAll(db.sql("""
                select conrelid::regclass || ' ' || conname || ' '
                       || regexp_replace(pg_get_constraintdef(oid), '[()]', '', 'g') from pg_constraint
                 where connamespace = 'public'::regnamespace
                """).query(String.class).list());
        schema.addAll(db.sql("select indexdef from pg_indexes where schemaname = 'public'").query(String.class).list());
        schema.addAll(db.sql("""
                select pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid
                 where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
                """).query(String.class).list());
        schema.addAll(db.sql("select pg_get_functiondef(oid) from pg_proc where pronamespace = 'public'::regnamespace")
                .query(String.class).list());
        schema.sort(Comparator.naturalOrder());
        return new Fingerprint(tables, sequences, schema);
    }

    // ---- realistic rows in every table

    /** Text that has broken dumps and encodings elsewhere: every script, 4-byte characters, COPY's own syntax. */
    static final List<String> ODD_TEXTS = List.of(
            "Emoji 🗳️👍🏽🧑‍💻 and a flag 🇪🇺 — do tallies survive?",
            "RTL: مرحبا بالعالم, mixed with שלום and \u200F marks \u202E reversed \u202C back",
            "Combining e\u0301 vs é, Hangul 한국어, CJK 漢字, Devanagari हिन्दी, math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "Quotes ' \" ` and backslashes \\ \\\\ \\n (literal) and a\ttab",
            "Lines\r\nwith CRLF\nand COPY's end marker on its own line:\n\\.\nand text after it",
            "SQL-ish: '); drop table account; -- with %_ wildcards, $$dollar$$ quotes and E'\\x41'",
            "Zero-width a\u200Bb\u200Dc\uFEFFd, no-break\u00A0space, soft\u00ADhyphen, bell-free but \u001F unit separator",
            "Long: " + "Ab🙂 ".repeat(4900));

    private static void fill(JdbcClient db) throws Exception {
        var accounts = new ArrayList<Long>();
        String[][] people = {
                {"alice_admin", "alice@example.org", "Alice Ünïcødé 🦊", "ADMIN", "de-DE", "dark"},
                {"bob_mod", "bob@example.org", "Bob مرحبا", "MODERATOR", "ar", "light"},
                {"carol", "carol@example.org", "Carol 漢字 ✓", "MEMBER", null, null},
                {"dave_unverified", "Dave.Mixed@Example.org", "Dave \"The\" O'Brien", "MEMBER", "en-GB", null},
                {"erin_suspended", "erin@example.org", "Erin 🧑‍🚀", "MEMBER", "fr", "dark"}};
        for (int i = 0; i < people.length; i++) {
            String[] p = people[i];
            accounts.add(db.sql("""
                    insert into account (username, email, display_name, password_hash, role, email_verified_at,
                                         locale, theme, created_at, version)
                    values (:u, :e, :d, :h, :r, case when :u = 'dave_unverified' then null else now() end,
                            :l, :t, now() - make_interval(days => :days), :v)
                    returning id
                    """).param("u", p[0]).param("e", p[1]).param("d", p[2])
                    .param("h", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$" + "h".repeat(43))
                    .param("r", p[3]).param("l", p[4]).param("t", p[5]).param("days", 400 - i * 50).param("v", i)
                    .query(Long.class).single());
        }
        long alice = accounts.get(0), bob = accounts.get(1), carol = accounts.get(2), dave = accounts.get(3),
                erin = accounts.get(4);

        // account: tokens, sessions, API tokens, second factor, recovery codes, sanctions
        db.sql("""
                insert into account_token (account_id, purpose, token_hash, expires_at, used_at) values
                 (:dave, 'VERIFY_EMAIL', :h1, now() + interval '1 day', null),
                 (:carol, 'RESET_PASSWORD', :h2, now() - interval '1 hour', now() - interval '2 hours')
                """).param("dave", dave).param("carol", carol).param("h1", sha256("verify")).param("h2", sha256("reset"))
                .update();
        db.sql("""
                insert into account_session (id, account_id, ip, user_agent, ended_at, ended_reason) values
                 (:s1, :alice, '203.0.113.7', 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0', null, null),
                 (:s2, :carol, '2001:db8::1', :agent, now(), 'logout')
                """).param("s1", UUID.randomUUID()).param("s2", UUID.randomUUID()).param("alice", alice)
                .param("carol", carol).param("agent", ODD_TEXTS.get(0)).update();
        db.sql("""
                insert into account_api_token (account_id, name, scope, token_hash, last_used_at, revoked_at) values
                 (:bob, 'Bot 🤖 «digest»', 'WRITE', :h1, now(), null),
                 (:bob, 'old read token', 'READ', :h2, null, now())
                """).param("bob", bob).param("h1", sha256("api-1")).param("h2", sha256("api-2")).update();
        byte[] sealed = new byte[61];
        new java.util.Random(14).nextBytes(sealed);
        db.sql("""
                insert into account_two_factor (account_id, secret_cipher, enabled_at, last_used_step)
                values (:alice, :c, now(), 59000000), (:bob, :c, null, null)
                """).param("alice", alice).param("bob", bob).param("c", sealed).update();
        for (int i = 0; i < 10; i++) {
            db.sql("insert into account_recovery_code (account_id, code_hash, used_at) values (:a, :h, :used)")
                    .param("a", alice).param("h", sha256("code-" + i))
                    .param("used", i < 2 ? java.sql.Timestamp.from(java.time.Instant.parse("2026-01-02T03:04:05.123456Z")) : null)
                    .update();
        }
        db.sql("""
                insert into account_sanction (account_id, kind, reason, starts_at, ends_at, created_by, appeal, appealed_at)
                values (:dave, 'WARN', 'Mind the tone — «please»', now(), null, :bob, null, null),
                       (:erin, 'SUSPEND', :reason, now() - interval '1 day', now() + interval '6 days', :bob,
                        'I was quoting someone 🙏', now())
                """).param("dave", dave).param("erin", erin).param("bob", bob).param("reason", ODD_TEXTS.get(3)).update();

        // debate: a member's thread with tags, slow mode and a pin; posts with every odd text, replies, edits
        long topic = db.sql("""
                insert into debate_topic (category_id, author_id, title, summary, question_kind, tags, locked,
                                          slow_mode_minutes, slow_mode_until, pinned_at)
                values (3, :carol, :title, :summary, 'OPEN', array['gpu', 'énergie', '電力'], false, 5,
                        now() + interval '1 hour', now())
                returning id
                """).param("carol", carol).param("title", "Does a 💡 data centre need its own power plant? «Yes»")
                .param("summary", ODD_TEXTS.get(1)).query(Long.class).single();
        var posts = new ArrayList<Long>();
        for (int i = 0; i < ODD_TEXTS.size(); i++) {
            String text = ODD_TEXTS.get(i);
            posts.add(db.sql("""
                    insert into debate_post (topic_id, author_id, parent_id, stance, relation, body, body_html,
                                             opening, client_key, edited_at, hidden_at, hidden_reason,
                                             deleted_at, deleted_reason, convincing, replies)
                    values (:topic, :author, :parent, :stance, :relation, :body, :html, :opening, :key,
                            case when :i = 2 then now() end,
                            case when :i = 3 then now() end, case when :i = 3 then 'held: watched word' end,
                            case when :i = 4 then now() end, case when :i = 4 then 'spam — removed' end, :i, 0)
                    returning id
                    """).param("topic", topic).param("author", accounts.get(i % accounts.size()))
                    .param("parent", i == 0 ? null : posts.get(0))
                    .param("stance", List.of("PRO", "CON", "NEUTRAL").get(i % 3))
                    .param("relation", i == 0 ? null : (i % 2 == 0 ? "SUPPORTS" : "CHALLENGES"))
                    .param("body", text).param("html", "<p>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</p>")
                    .param("opening", i == 0).param("key", UUID.randomUUID()).param("i", i)
                    .query(Long.class).single());
        }
        db.sql("update debate_topic set pro_count = 3, con_count = 3, neutral_count = 2, reply_count = 7 where id = :t")
                .param("t", topic).update();
        db.sql("update debate_post set replies = 7 where id = :p").param("p", posts.get(0)).update();
        db.sql("""
                insert into debate_post_revision (post_id, version, body, created_at, replaced_by_staff)
                values (:p, 0, :old, now() - interval '1 hour', true), (:p, 1, 'second try ✍️', now(), false)
                """).param("p", posts.get(2)).param("old", ODD_TEXTS.get(4)).update();
        for (long account : accounts) {
            db.sql("insert into debate_reaction (post_id, account_id) values (:p, :a)").param("p", posts.get(0))
                    .param("a", account).update();
            db.sql("insert into debate_follow (account_id, topic_id) values (:a, :t)").param("a", account)
                    .param("t", topic).update();
            db.sql("insert into debate_read_mark (account_id, topic_id, last_seen_at) values (:a, 1, now())")
                    .param("a", account).update();
        }
        db.sql("""
                insert into debate_notification (account_id, kind, topic_id, post_id, actor_id, read_at, note) values
                 (:carol, 'REPLY', :t, :reply, :bob, null, null),
                 (:alice, 'MENTION', :t, :reply, :bob, now(), null),
                 (:dave, 'MODERATION', :t, :hidden, null, null, 'Hidden: «held» by a watched word 🚫')
                """).param("carol", carol).param("alice", alice).param("dave", dave).param("bob", bob)
                .param("t", topic).param("reply", posts.get(1)).param("hidden", posts.get(3)).update();

        // poll: a member's poll with an "other" answer, ballots and their history, tallies, forecasts, embedding
        long poll = db.sql("""
                insert into poll (kind, question, description, author_id, topic_id, status, opened_at,
                                  closes_at, results_visibility, public_voters)
                values ('SINGLE', 'Which power source for a 100k-GPU cluster? ⚡', :d, :carol, :t, 'OPEN', now(),
                        now() + interval '30 days', 'AFTER_VOTING', true)
                returning id
                """).param("d", ODD_TEXTS.get(5)).param("carol", carol).param("t", topic).query(Long.class).single();
        var options = new ArrayList<Long>();
        String[] labels = {"Nuclear ☢️", "Solar ☀️ + batteries", "Gas turbines", "Other"};
        for (int i = 0; i < labels.length; i++) {
            options.add(db.sql("""
                    insert into poll_option (poll_id, label, position, is_other, hidden_at, hidden_reason)
                    values (:p, :l, :pos, :other, case when :pos = 3 then now() end,
                            case when :pos = 3 then 'misleading' end)
                    returning id
                    """).param("p", poll).param("l", labels[i]).param("pos", i + 1).param("other", i == 3)
                    .query(Long.class).single());
        }
        for (int i = 0; i < accounts.size(); i++) {
            long voter = accounts.get(i);
            long option = options.get(i % options.size());
            db.sql("insert into poll_ballot (poll_id, voter_id, options) values (:p, :v, array[:o]::bigint[])")
                    .param("p", poll).param("v", voter).param("o", option).update();
            db.sql("""
                    insert into poll_ballot_history (poll_id, voter_id, old_options, new_options)
                    values (:p, :v, null, array[:o]::bigint[])
                    """).param("p", poll).param("v", voter).param("o", option).update();
            db.sql("""
                    insert into poll_tally (poll_id, bucket, slot, count) values (:p, :o, :slot, 1)
                    on conflict (poll_id, bucket, slot) do update set count = poll_tally.count + 1
                    """).param("p", poll).param("o", option).param("slot", (int) (voter % 16)).update();
            // the seeded scale question (poll 2) and forecast (poll 8)
            db.sql("insert into poll_ballot (poll_id, voter_id, value) values (2, :v, :value), (8, :v, :pct)")
                    .param("v", voter).param("value", 1 + i % 5).param("pct", 5 + i * 20).update();
        }
        db.sql("""
                insert into poll_ballot_history (poll_id, voter_id, old_value, new_value)
                values (2, :v, 1, 4), (2, :v, 4, null)
                """).param("v", dave).update();
        db.sql("insert into poll_other_answer (poll_id, voter_id, text, hidden) values (:p, :v, :t, false)")
                .param("p", poll).param("v", dave).param("t", "Fusion 🔥, «eventually»").update();
        db.sql("""
                insert into poll_forecast_score (poll_id, voter_id, brier, log_score, held_seconds, last_percent, outcome)
                values (4, :a, 0.0123456789012345, -0.6931471805599453, 31536000, 70, false),
                       (4, :b, 1e-17, -1.2345678901234567e-5, 1, 1, true)
                """).param("a", alice).param("b", bob).update();
        db.sql("""
                insert into poll_embed (poll_id, enabled, any_origin, origins, anonymous_voting, results_after_voting, updated_by)
                values (:p, true, false, array['https://news.example', 'https://blog.例え.jp'], true, true, :carol)
                """).param("p", poll).param("carol", carol).update();
        db.sql("""
                insert into poll_reader_ballot (poll_id, reader_id, options) values
                 (:p, :r1, array[:o]::bigint[]), (:p, :r2, array[:o]::bigint[])
                """).param("p", poll).param("r1", UUID.randomUUID()).param("r2", UUID.randomUUID())
                .param("o", options.get(0)).update();
        db.sql("insert into poll_reader_tally (poll_id, bucket, slot, count) values (:p, -1, 3, 2), (:p, :o, 3, 2)")
                .param("p", poll).param("o", options.get(0)).update();

        // moderation: a flagged post in the queue, the audit log (JSON before/after), settings, filters
        long item = db.sql("""
                insert into moderation_item (target_type, target_id, author_id, path, pending_flags, opened_at,
                                             auto_hidden_at, claimed_by, claimed_at, held_reason)
                values ('POST', :post, :dave, :path, 1, now(), now(), :bob, now(), 'watched word: «lottery»')
                returning id
                """).param("post", posts.get(3)).param("dave", dave).param("path", "/threads/" + topic + "#post-" + posts.get(3))
                .param("bob", bob).query(Long.class).single();
        db.sql("""
                insert into moderation_flag (item_id, flagger_id, reason, text, created_at)
                values (:item, :carol, 'OTHER', :text, now()), (:item, :erin, 'SPAM', null, now())
                """).param("item", item).param("carol", carol).param("erin", erin).param("text", "Looks like spam 🤔 \u202Ereversed\u202C")
                .update();
        db.sql("""
                insert into moderation_audit (at, actor_id, actor_name, action, target_type, target_id, reason_category,
                                              reason, before, after, outcome) values
                 (now(), :bob, 'bob_mod', 'HIDE', 'POST', :post, 'SPAM', :reason, :before::jsonb,
                  '{"hidden": true, "note": "«ok» 👍", "nested": {"list": [1, 2.5, null, "\\u00e9"]}}'::jsonb, 'OK'),
                 (now(), :carol, 'carol', 'VIEW', null, null, null, null, null, null, 'DENIED'),
                 (now(), :bob, 'bob_mod', 'SUSPEND', 'ACCOUNT', :erin, 'HARASSMENT', 'for 7 days', null, null, 'OK')
                """).param("bob", bob).param("carol", carol).param("erin", erin).param("post", posts.get(3))
                .param("reason", ODD_TEXTS.get(6)).param("before", "{\"body\": \"" + "line\\nbreak \\\"quoted\\\" 🙂" + "\"}")
                .update();
        db.sql("""
                insert into moderation_setting (name, value, updated_at, updated_by)
                values ('AUTO_HIDE_FLAGS', 5, now(), :alice), ('NEW_ACCOUNT_HOURS', 48, now(), :alice)
                """).param("alice", alice).update();
        db.sql("""
                insert into moderation_watched_word (word, normalized, action, replacement, created_at, created_by)
                values ('Lottery', 'lottery', 'REVIEW', null, now(), :alice),
                       ('ｆｒｅｅ　ｍｏｎｅｙ', 'free money', 'REPLACE', '💸', now(), :alice)
                """).param("alice", alice).update();
        db.sql("""
                insert into moderation_blocked_domain (domain, created_at, created_by)
                values ('spam.example', now(), :alice), ('xn--e1afmkfd.example', now(), null)
                """).param("alice", alice).update();
    }

    private static byte[] sha256(String s) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---- helpers

    private static Path debianPostgresBin() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (var versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("pg_dump")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString(),
                            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
                    .orElse(null);
        }
    }

    private static List<String> asPostgres(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        var wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private static Run script(String script, String... args) throws Exception {
        var command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        // the connection comes from libpq's variables, as in production; the tools are the server's own version
        return run(command, Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(port), "PGUSER", USER,
                "PG_BIN", bin.toString()));
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile("backup-test", ".out");
        Path err = Files.createTempFile("backup-test", ".err");
        try {
            var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 3 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void expectSuccess(Run run) {
        assertThat(run.exit()).as(run.toString()).isZero();
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static final Map<String, JdbcClient> clients = new HashMap<>();

    private static JdbcClient client(String database) {
        return clients.computeIfAbsent(database, d -> {
            var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url(d), USER, "");
            return JdbcClient.create(dataSource);
        });
    }

    private static void createDatabase(String name) {
        client("postgres").sql("create database " + name).update();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
