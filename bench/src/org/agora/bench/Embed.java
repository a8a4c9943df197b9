package org.agora.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded-poll scenarios (issue #6): readers' anonymous ballots through {@code POST /api/v1/polls/{id}/ballots}
 * with 64 concurrent clients, as a ratio to the raw JDBC insert of a reader ballot measured in the same run (goal
 * ≥ 0.5, p99 ≤ 100 ms); then N open Server-Sent Event streams on one node, with the app's heap per connection and
 * the time until one vote's tally reached all of them. Voter tokens are signed here with the secret the app was
 * started with ({@link #SECRET}), the way the app signs them, so that the timed loop is the ballot alone.
 */
final class Embed {
    static final int CLIENTS = 64;
    /** base64 of 32 bytes: the bench app's {@code agora.embed.token-secret}. */
    static final String SECRET = "YmVuY2gtb25seSBzZWNyZXQgZm9yIHZvdGVyIHRva2Vucw==";
    static final String INSERT = """
            insert into poll_reader_ballot (poll_id, reader_id, options, value, created_at)
            values (?, ?, ?, null, now())
            on conflict (poll_id, reader_id) do nothing
            """;

    private Embed() {
    }

    static String run(HttpClient http, String base, Connection db, int seconds, long appPid) throws Exception {
        var out = new StringBuilder();
        String[] labels = {"Before 2030", "2030–2040", "Later", "Never"};
        var rawWarm = Seed.poll(db, "Bench embed: raw JDBC warm-up", labels);
        var raw = Seed.poll(db, "Bench embed: raw JDBC reader ballots", labels);
        var apiWarm = Seed.poll(db, "Bench embed: API warm-up", labels);
        var api = Seed.poll(db, "Bench embed: 64 readers through the API", labels);
        var live = Seed.poll(db, "Bench embed: live tallies", labels);
        for (var p : List.of(apiWarm, api, live)) {
            try (var s = db.prepareStatement("insert into poll_embed (poll_id, enabled, any_origin, anonymous_voting) values (?, true, true, true)")) {
                s.setLong(1, p.id());
                s.executeUpdate();
            }
        }
        String loadAtStart = Bench.loadAverage();

        // 1. baseline: raw JDBC, 64 connections, autocommit, a new reader id per ballot
        var connections = new ArrayList<Connection>();
        Load.Result baseline;
        try {
            for (int c = 0; c < CLIENTS; c++) {
                connections.add(DriverManager.getConnection(db.getMetaData().getURL(), "postgres", ""));
            }
            rawInserts("warm-up", connections, rawWarm, 2);
            baseline = rawInserts("baseline: raw JDBC insert into poll_reader_ballot (autocommit, a new reader each)", connections, raw, seconds);
        } finally {
            for (var c : connections) {
                c.close();
            }
        }
        System.out.println(baseline);

        // the cheapest HTTP request at the same concurrency, for reference: it bounds any endpoint's ratio here
        var floor = Load.run("reference: GET /actuator/health (the suite's HTTP baseline)", http, CLIENTS, seconds,
                c -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(), 200);
        System.out.println(floor);

        // 2. the API: a fresh signed token per ballot (5 s of warm-up on another poll: the app has just started)
        var key = new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256");
        apiBallots("warm-up", http, base, apiWarm, key, 5);
        var ballots = apiBallots("POST /api/v1/polls/{id}/ballots (64 readers at a time, a new token each)", http, base, api, key, seconds);
        System.out.println(ballots);
        String loadAtEnd = Bench.loadAverage();
        long stored = count(db, "select count(*) from poll_reader_ballot where poll_id = " + api.id());
        long tallied = count(db, "select coalesce(sum(count), 0) from poll_reader_tally where poll_id = " + api.id() + " and bucket = -1");

        double ratio = ballots.perSecond() / baseline.perSecond();
        out.append("\n### Embedded polls: readers' anonymous ballots and live tallies\n\n")
                .append("The app runs with the embed rate limits raised (`agora.embed.*-per-minute=100000000`) so that ")
                .append("they do not throttle the bench. Load average (1 / 5 / 15 min) at the start: ").append(loadAtStart)
                .append("; after the ballots: ").append(loadAtEnd).append(" (other builds share these 2 cores: noisy).\n\n")
                .append("| scenario | clients | requests | errors | req/s | p50 ms | p99 ms | ratio to baseline |\n")
                .append("|---|---|---|---|---|---|---|---|\n")
                .append(baseline.row(baseline.perSecond())).append('\n')
                .append(floor.row(baseline.perSecond())).append('\n')
                .append(ballots.row(baseline.perSecond())).append('\n')
                .append(String.format("%nReaders' ballots stored: %,d; readers' tally (bucket -1): %,d (%s). Outcomes: %s.%n",
                        stored, tallied, stored == tallied ? "exact" : "NOT exact", ballots.outcomes()));

        // 3. N open event streams on one node
        int streams = Integer.parseInt(System.getenv().getOrDefault("BENCH_SSE_STREAMS", "1000"));
        out.append(sse(http, base, live, streams, key, appPid));
        out.append(String.format("%nGoals: ballot throughput ratio %.2f (goal ≥ 0.5): %s; p99 %.1f ms (goal ≤ 100 ms): %s; %d errors.%n",
                ratio, ratio >= 0.5 ? "met" : "not met", ballots.p99(), ballots.p99() <= 100 ? "met" : "not met", ballots.errors()));
        return out.toString();
    }

    private static Load.Result rawInserts(String name, List<Connection> connections, Seed.SeededPoll poll, int seconds) throws Exception {
        var statements = new ArrayList<java.sql.PreparedStatement>();
        for (var c : connections) {
            c.setAutoCommit(true);
            statements.add(c.prepareStatement(INSERT));
        }
        Long[] option = {poll.options().getFirst()};
        return Load.loop(name, connections.size(), seconds, "1", (client, n) -> {
            var s = statements.get(client);
            s.setLong(1, poll.id());
            s.setObject(2, UUID.randomUUID());
            s.setArray(3, connections.get(client).createArrayOf("bigint", option));
            return String.valueOf(s.executeUpdate());
        });
    }

    private static Load.Result apiBallots(String name, HttpClient http, String base, Seed.SeededPoll poll,
                                          SecretKeySpec key, int seconds) throws Exception {
        return Load.loop(name, CLIENTS, seconds, "201", (client, n) -> {
            long option = poll.options().get((client + n) % poll.options().size());
            String body = "{\"token\":\"" + token(key, poll.id()) + "\",\"options\":[" + option + "]}";
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll.id() + "/ballots"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return String.valueOf(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        });
    }

    /** A voter token as the app makes it (embed.VoterTokens): v1.base64url(poll, reader, expiry).base64url(hmac). */
    static String token(SecretKeySpec key, long pollId) throws Exception {
        UUID reader = UUID.randomUUID();
        var buffer = ByteBuffer.allocate(32).putLong(pollId).putLong(reader.getMostSignificantBits())
                .putLong(reader.getLeastSignificantBits()).putLong(Instant.now().plus(Duration.ofDays(1)).getEpochSecond());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        byte[] sig = mac.doFinal(("agora-voter:v1." + payload).getBytes(StandardCharsets.US_ASCII));
        return "v1." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    private static String sse(HttpClient unused, String base, Seed.SeededPoll poll, int n, SecretKeySpec key, long pid) throws Exception {
        var out = new StringBuilder();
        long heapBefore = heapUsedKb(pid);
        long rssBefore = rssKb(pid);
        var opened = new CountDownLatch(n);
        var tallied = new CountDownLatch(n);
        var failures = new AtomicInteger();
        var bodies = new ArrayList<CompletableFuture<HttpResponse<Stream<String>>>>();
        // several clients: one HttpClient keeps at most a few thousand connections comfortably
        var clients = new ArrayList<HttpClient>();
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
        }
        var readers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll.id() + "/events"))
                    .header("Accept", "text/event-stream").build();
            var future = clients.get(i % clients.size()).sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            bodies.add(future);
            future.whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 200) {
                    failures.incrementAndGet();
                    opened.countDown();
                    tallied.countDown();
                    return;
                }
                readers.submit(() -> {
                    boolean first = true;
                    for (var it = response.body().iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (first && line.startsWith(":")) {
                            first = false;
                            opened.countDown();
                        } else if (line.startsWith("data:") && line.contains("readers")) {
                            tallied.countDown();
                            break;
                        }
                    }
                });
            });
        }
        boolean allOpen = opened.await(120, TimeUnit.SECONDS);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        long heapOpen = heapUsedKb(pid);
        long rssOpen = rssKb(pid);
        long v0 = System.nanoTime();
        var vote = HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll.id() + "/ballots"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token(key, poll.id()) + "\",\"options\":[" + poll.options().getFirst() + "]}"))
                .build();
        int status = clients.getFirst().send(vote, HttpResponse.BodyHandlers.discarding()).statusCode();
        boolean allTallied = tallied.await(60, TimeUnit.SECONDS);
        double fanOutMs = (System.nanoTime() - v0) / 1e6;
        for (var f : bodies) {
            f.thenAccept(r -> r.body().close());
            f.cancel(true);
        }
        readers.shutdownNow();
        for (var c : clients) {
            c.shutdownNow();
        }
        long perConnection = n == 0 ? 0 : Math.round((heapOpen - heapBefore) * 1024.0 / n);
        out.append(String.format("%n%,d Server-Sent Event streams on one node (`GET /api/v1/polls/{id}/events`): %s in %.1f s, "
                        + "%d failed. App heap after a full GC: %,d KB before, %,d KB with the streams open, so **about %,d bytes per "
                        + "stream** (Tomcat's connection and async request, the SseEmitter, its buffers); process RSS %,d → %,d KB. "
                        + "One reader ballot (HTTP %d) then reached %s in %.0f ms (one tally read for all of them; the bus and the "
                        + "250 ms coalescing included).%n",
                n, allOpen ? "all opened" : "NOT all opened", openSeconds, failures.get(), heapBefore, heapOpen, perConnection,
                rssBefore, rssOpen, status, allTallied ? "every stream" : "NOT every stream", fanOutMs));
        return out.toString();
    }

    /** The app's used heap after a full GC, by jcmd (KB); -1 if jcmd is not available. */
    private static long heapUsedKb(long pid) {
        try {
            run("jcmd", String.valueOf(pid), "GC.run");
            String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    private static String run(String... command) throws Exception {
        String java = System.getProperty("java.home");
        if (command[0].equals("jcmd")) {
            command[0] = java + "/bin/jcmd";
        }
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return output;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var s = db.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
