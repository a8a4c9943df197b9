package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security case 12: durability. Agora runs as its own process (a child JVM, as in production) on a PostgreSQL
 * server of this test's own; 8 clients vote and post through the API while first the PostgreSQL server, then the
 * app process, is killed with SIGKILL and started again. Afterwards every acknowledged post is there with its text,
 * every voter's ballot is one they sent (their last acknowledged one or a later attempt), and the poll's tally
 * equals a recount of its ballots. Nothing here touches the shared test context or its database.
 */
class DurabilityTest {
    private static final int CLIENTS = 8;
    private static final String TOTP_KEY = "GXxkd11TXTl7D8N/tVJeljt24hk409ok1cetemfY1Ww=";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path dataDir = Path.of("target/durability-postgres");
    private EmbeddedPostgres postgres;
    private int pgPort;
    private volatile AppNode node;

    // what the clients were told happened
    private final Map<Long, String> acknowledgedPosts = new ConcurrentHashMap<>();
    private final Map<Long, List<Long>> attemptsSinceAck = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledgements = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        pgPort = AppNode.freePort();
        deleteDataDir();
        // never "clean": zonky deletes a clean instance's data directory on close, and the close after the kill
        // must leave the files for crash recovery
        postgres = startPostgres();
        node = startNode();
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        if (node != null) {
            node.kill();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteDataDir();
    }

    private void deleteDataDir() throws IOException {
        if (Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void acknowledged_ballots_and_posts_survive_a_killed_database_server() throws Exception {
        var workload = new Workload(setUp());
        workload.start();
        awaitAcknowledgements(40);
        ProcessHandle.of(postmasterPid()).orElseThrow().destroyForcibly(); // SIGKILL
        awaitFailures(1);
        postgres.close(); // only releases this JVM's handle and lock; the server is gone already
        postgres = startPostgres(); // crash recovery replays the WAL
        int before = acknowledgements.get();
        awaitAcknowledgements(before + 40);
        workload.stop();
        assertEverythingAcknowledgedIsThere(workload);
    }

    @Test
    void acknowledged_ballots_and_posts_survive_a_killed_app_process() throws Exception {
        var workload = new Workload(setUp());
        workload.start();
        awaitAcknowledgements(40);
        node.kill(); // SIGKILL: no shutdown hook, no graceful close
        awaitFailures(1);
        node = startNode();
        int before = acknowledgements.get();
        awaitAcknowledgements(before + 40);
        workload.stop();
        assertEverythingAcknowledgedIsThere(workload);
    }

    // ---- the workload

    record Setup(long pollId, List<Long> options, List<String> tokens, List<Long> voterIds) {
    }

    private Setup setUp() throws Exception {
        var db = database();
        long poll = db.sql("""
                select id from poll where status = 'OPEN' and kind = 'SINGLE' and (closes_at is null or closes_at > now())
                 order by id limit 1
                """).query(Long.class).single();
        List<Long> options = db.sql("select id from poll_option where poll_id = :p and not is_other order by position")
                .param("p", poll).query(Long.class).list();
        var tokens = new ArrayList<String>();
        var voters = new ArrayList<Long>();
        for (int i = 0; i < CLIENTS; i++) {
            String name = "dur_" + i + "_" + (System.nanoTime() % 100_000);
            long id = db.sql("""
                    insert into account (username, email, display_name, password_hash, email_verified_at, created_at)
                    values (:u, :u || '@example.org', :u, 'not-a-login', now(), now() - interval '30 days') returning id
                    """).param("u", name).query(Long.class).single();
            byte[] raw = new byte[32];
            new java.security.SecureRandom().nextBytes(raw);
            String secret = "agora_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            db.sql("insert into account_api_token (account_id, name, scope, token_hash) values (:a, 'durability', 'WRITE', :h)")
                    .param("a", id).param("h", MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)))
                    .update();
            tokens.add(secret);
            voters.add(id);
        }
        return new Setup(poll, options, tokens, voters);
    }

    final class Workload {
        private final Setup setup;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> clients = new CopyOnWriteArrayList<>();
        final Map<Long, Long> lastAcknowledgedBallot = new ConcurrentHashMap<>();

        Workload(Setup setup) {
            this.setup = setup;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                clients.add(pool.submit(() -> run(client)));
            }
        }

        private void run(int client) {
            String token = setup.tokens().get(client);
            long voter = setup.voterIds().get(client);
            int n = 0;
            while (running.get()) {
                n++;
                try {
                    if (client % 2 == 0) {
                        long option = setup.options().get((client + n) % setup.options().size());
                        attemptsSinceAck.computeIfAbsent(voter, k -> new CopyOnWriteArrayList<>()).add(option);
                        var response = send("/api/v1/polls/" + setup.pollId() + "/ballot", token,
                                "{\"options\": [" + option + "]}");
                        if (response.statusCode() == 200) {
                            lastAcknowledgedBallot.put(voter, option);
                            attemptsSinceAck.put(voter, new CopyOnWriteArrayList<>());
                            acknowledgements.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    } else {
                        String body = "Durable post " + client + "-" + n + " " + UUID.randomUUID();
                        var response = send("/api/v1/threads/1/posts", token, json.writeValueAsString(Map.of(
                                "stance", "NEUTRAL", "body", body, "clientKey", UUID.randomUUID().toString())));
                        if (response.statusCode() == 201) {
                            acknowledgedPosts.put(json.readTree(response.body()).path("id").asLong(), body);
                            acknowledgements.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    failures.incrementAndGet(); // the node or its database is down: try again
                    Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (var client : clients) {
                client.get();
            }
            pool.shutdown();
        }
    }

    private HttpResponse<String> send(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitAcknowledgements(int n) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).until(() -> acknowledgements.get() >= n);
    }

    private void awaitFailures(int n) {
        int before = failures.get();
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> failures.get() >= before + n);
    }

    // ---- the checks

    private void assertEverythingAcknowledgedIsThere(Workload workload) {
        var db = database();
        assertThat(acknowledgedPosts).isNotEmpty();
        for (var post : acknowledgedPosts.entrySet()) {
            assertThat(db.sql("select body from debate_post where id = :id").param("id", post.getKey())
                    .query(String.class).optional()).as("acknowledged post %d", post.getKey()).contains(post.getValue());
        }
        long poll = workload.setup.pollId();
        assertThat(workload.lastAcknowledgedBallot).isNotEmpty();
        for (var ballot : workload.lastAcknowledgedBallot.entrySet()) {
            var stored = db.sql("select options[1] from poll_ballot where poll_id = :p and voter_id = :v")
                    .param("p", poll).param("v", ballot.getKey()).query(Long.class).optional();
            var allowed = new ArrayList<Long>(attemptsSinceAck.getOrDefault(ballot.getKey(), List.of()));
            allowed.add(ballot.getValue());
            assertThat(stored).as("voter %d's ballot", ballot.getKey()).isPresent();
            assertThat(allowed).as("voter %d's ballot is one they sent", ballot.getKey()).contains(stored.get());
        }
        var tally = new HashMap<Long, Long>();
        db.sql("select bucket, sum(count) as n from poll_tally where poll_id = :p group by bucket having sum(count) <> 0")
                .param("p", poll).query((java.sql.ResultSet rs) -> {
                    tally.put(rs.getLong("bucket"), rs.getLong("n"));
                });
        var recount = new HashMap<Long, Long>();
        db.sql("select o as bucket, count(*) as n from poll_ballot, unnest(options) o where poll_id = :p group by o")
                .param("p", poll).query((java.sql.ResultSet rs) -> {
                    recount.put(rs.getLong("bucket"), rs.getLong("n"));
                });
        long voters = db.sql("select count(*) from poll_ballot where poll_id = :p").param("p", poll).query(Long.class).single();
        if (voters > 0) {
            recount.put(-1L, voters);
        }
        assertThat(tally).as("tally equals a recount of the ballots").isEqualTo(recount);
    }

    // ---- processes

    private JdbcClient database() {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
                "jdbc:postgresql://localhost:" + pgPort + "/postgres?user=postgres"));
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        Files.createDirectories(dataDir);
        // PostgreSQL's own defaults (zonky turns synchronous_commit off): an acknowledged commit is on disk
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(pgPort)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                .setPGStartupWait(Duration.ofSeconds(90)).start();
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
    }

    private AppNode startNode() throws Exception {
        return AppNode.start("jdbc:postgresql://localhost:" + pgPort + "/postgres", TOTP_KEY, "d",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--agora.voting.votes-per-minute=100000",
                "--agora.posting.posts-per-10-minutes=100000",
                "--agora.posting.new-account-posts-per-10-minutes=100000",
                "--agora.api.writes-per-client-per-second=100000");
    }

}
