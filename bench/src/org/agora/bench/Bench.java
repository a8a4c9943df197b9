package org.agora.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Agora's benchmarks, run by bench/run.sh. The app runs as its own process (production jar, embedded
 * PostgreSQL); this process seeds through JDBC, loads it over HTTP, times SQL through JDBC and writes
 * medians, p99s and ratios to a baseline measured in the same run (GET /actuator/health at the same
 * concurrency for HTTP, {@code select 1} for SQL) to docs/performance.md. The poll scenarios ({@link Polls}) use a
 * raw JDBC ballot insert as their baseline instead. {@code BENCH_SCENARIOS} (default {@code posts,polls,service})
 * picks the groups; {@code BENCH_POLL_MILLION=0} skips the 1,000,000-ballot tally scenario. The {@code service}
 * group is not run here: bench/run.sh runs {@link ServiceVotes} in a JVM of its own after this one.
 */
public final class Bench {
    static final String DEFAULT_SCENARIOS = "posts,polls,service,embed";
    /** The app's process id (the embed scenario reads its heap with jcmd). */
    static long appPid = -1;
    private static final int POSTERS = 64;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path report = Path.of(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int httpPort = freePort();
        int pgPort = freePort();
        Path data = Path.of("target/bench-db").toAbsolutePath();
        var app = new ProcessBuilder(javaBin(), "-Xmx2g", "-jar", jar.toString(),
                "--server.port=" + httpPort, "--agora.embedded-db.data-dir=" + data, "--agora.embedded-db.clean=true",
                "--agora.embedded-db.port=" + pgPort, "--agora.embedded-db.pool-size=20",
                "--agora.posting.posts-per-10-minutes=100000000",
                "--agora.posting.new-account-posts-per-10-minutes=100000000",
                "--agora.voting.votes-per-minute=" + Polls.VOTES_PER_MINUTE,
                // the API's overload limits (500 writes/s per node, 20 per client by default) would cap the very
                // throughput measured here: off, like the posting and voting limits above
                "--agora.api.writes-per-second=0", "--agora.api.writes-per-client-per-second=0",
                "--agora.embed.token-secret=" + Embed.SECRET,
                "--agora.embed.tokens-per-address-per-minute=100000000",
                "--agora.embed.ballots-per-address-per-minute=100000000",
                "--agora.embed.ballots-per-poll-per-minute=100000000",
                "--logging.level.root=warn", "--logging.level.org.agora=info")
                .redirectErrorStream(true).redirectOutput(Path.of("target/bench-app.log").toFile()).start();
        appPid = app.pid();
        try {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + httpPort;
            waitForHealth(http, base);
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
                run(http, base, db, report, seconds);
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static void run(HttpClient http, String base, Connection db, Path report, int seconds) throws Exception {
        var scenarios = scenarios();
        boolean million = !"0".equals(System.getenv().getOrDefault("BENCH_POLL_MILLION", "1"));
        var out = new StringBuilder();
        out.append("\n## Run of ").append(ZonedDateTime.now().withNano(0)).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(cpuModel()).append(", Java ").append(System.getProperty("java.version"))
                .append("; commit ").append(commit()).append("; ").append(seconds).append(" s per HTTP scenario.\n");
        if (scenarios.contains("posts")) {
            posts(http, base, db, seconds, out);
        }
        if (scenarios.contains("polls")) {
            out.append(Polls.run(http, base, db, seconds, million));
        }
        if (scenarios.contains("embed")) {
            out.append(Embed.run(http, base, db, seconds, appPid));
        }
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(out);
    }

    /** The scenario groups picked by {@code BENCH_SCENARIOS} (default {@value #DEFAULT_SCENARIOS}). */
    static java.util.Set<String> scenarios() {
        var names = new java.util.HashSet<String>();
        for (String name : System.getenv().getOrDefault("BENCH_SCENARIOS", DEFAULT_SCENARIOS).split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** Posting, reading, search and live updates (the Debates issue). */
    private static void posts(HttpClient http, String base, Connection db, int seconds, StringBuilder out) throws Exception {
        System.out.println("seeding…");
        List<String> tokens = Seed.members(db, POSTERS);
        long postingTopic = Seed.thread(db, "Bench: posting target", 1);
        var ownThreads = new ArrayList<Long>();
        for (int i = 0; i < POSTERS; i++) {
            ownThreads.add(Seed.thread(db, "Bench: thread of member " + i, 1));
        }
        long thousand = Seed.thread(db, "Bench: a thread of 1,000 posts", 1_000);
        long tenThousand = Seed.thread(db, "Bench: a thread of 10,000 posts", 10_000);
        Seed.searchCorpus(db, 100_000);
        db.createStatement().execute("analyze");

        out.append("\n| scenario | clients | requests | errors | req/s | p50 ms | p99 ms | ratio to baseline |\n")
                .append("|---|---|---|---|---|---|---|---|\n");

        for (int clients : new int[] {8, 64}) {
            var baseline = Load.run("baseline GET /actuator/health", http, clients, seconds,
                    c -> get(base + "/actuator/health"), 200);
            var posting = Load.run("POST …/posts, all members in one hot thread", http, clients, seconds,
                    c -> HttpRequest.newBuilder(URI.create(base + "/api/v1/threads/" + postingTopic + "/posts"))
                            .header("Authorization", "Bearer " + tokens.get(c % tokens.size()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"stance\":\"PRO\",\"body\":\"Bench argument "
                                    + UUID.randomUUID() + "\"}")).build(), 201);
            var spread = Load.run("POST …/posts, each member in a thread of their own", http, clients, seconds,
                    c -> HttpRequest.newBuilder(URI.create(base + "/api/v1/threads/" + ownThreads.get(c % ownThreads.size()) + "/posts"))
                            .header("Authorization", "Bearer " + tokens.get(c % tokens.size()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"stance\":\"CON\",\"body\":\"Bench argument "
                                    + UUID.randomUUID() + "\"}")).build(), 201);
            var reading = Load.run("GET first page of a 1,000-post thread", http, clients, seconds,
                    c -> get(base + "/api/v1/threads/" + thousand + "?limit=50"), 200);
            out.append(baseline.row(baseline.perSecond())).append('\n')
                    .append(posting.row(baseline.perSecond())).append('\n')
                    .append(spread.row(baseline.perSecond())).append('\n')
                    .append(reading.row(baseline.perSecond())).append('\n');
            System.out.println(baseline + "\n" + posting + "\n" + spread + "\n" + reading);
        }

        out.append("\nSQL, timed from a client on the same machine (200 runs each, after 20 warm-ups):\n\n")
                .append("| query | median ms | p95 ms | p99 ms | ratio of median to `select 1` |\n|---|---|---|---|---|\n");
        var one = Sql.time(db, "select 1", 200);
        out.append(one.row(one.median())).append('\n');
        var firstScreen = Sql.time(db, Sql.FIRST_SCREEN.replace(":topic", String.valueOf(tenThousand)), 200);
        out.append(firstScreen.row(one.median())).append('\n');
        var search = Sql.time(db, Sql.SEARCH, 200);
        out.append(search.row(one.median())).append('\n');

        long liveMillis = live(http, base, db, tokens.getFirst(), postingTopic);
        out.append("\nLive update: a post saved through the API was heard by a second process LISTENing on the database ")
                .append(liveMillis).append(" ms after the API answered (coalescing interval 250 ms).\n");
    }

    /** Time from the API's answer to a NOTIFY heard on another connection: what a second node would see. */
    private static long live(HttpClient http, String base, Connection db, String token, long topic) throws Exception {
        try (var listener = DriverManager.getConnection(db.getMetaData().getURL(), "postgres", "")) {
            listener.createStatement().execute("listen agora_events");
            var samples = new ArrayList<Long>();
            for (int i = 0; i < 20; i++) {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/threads/" + topic + "/posts"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"stance\":\"CON\",\"body\":\"live " + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("post failed: " + response.body());
                }
                var pg = listener.unwrap(PGConnection.class);
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (true) {
                    var n = pg.getNotifications(1_000);
                    // the bus's payload is "<queued at millis>|<topic>|<ids>" (the prefix feeds the lag meter)
                    if (n != null && java.util.Arrays.stream(n).anyMatch(x -> x.getParameter().contains("|debate.post|" + topic + ":"))) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no notification within 5 s");
                    }
                }
                samples.add((System.nanoTime() - answered) / 1_000_000);
            }
            Collections.sort(samples);
            return samples.get(samples.size() / 2);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    static void awaitHealth(HttpClient http, String base) throws Exception {
        waitForHealth(http, base);
    }

    static int freePortForOthers() throws IOException {
        return freePort();
    }

    static String javaBinary() {
        return javaBin();
    }

    private static void waitForHealth(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos(); // a loaded shared machine took 153 s
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(get(base + "/actuator/health"), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("app did not start; see target/bench-app.log");
    }

    static String sha256Hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The load averages over 1 / 5 / 15 minutes (/proc/loadavg), so that runs on a busy machine show it. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String commit() {
        try {
            var p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
