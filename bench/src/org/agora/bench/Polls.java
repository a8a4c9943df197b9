package org.agora.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The poll scenarios (the Polls issue: "Vote throughput through the service layer and through the HTTP API with
 * 64 concurrent voters, as a ratio to a raw JDBC ballot insert measured in the same run (goal ≥ 0.5), p99 ≤ 100 ms,
 * 0 errors, tallies exact afterwards. Reading a tally ≤ 5 ms p99 with 1,000,000 ballots in the poll.").
 * <ol>
 * <li>Baseline: BallotRepository.insert's statement over raw JDBC, autocommit, one ballot per statement, distinct
 * voters, 64 clients with a connection each, into a fresh open poll.</li>
 * <li>{@code POST /api/v1/polls/{id}/ballot} by 64 members at once, each with a WRITE token of their own; each
 * voter votes and then changes the vote {@value #CHANGES} times before the client moves to the next voter.
 * Skipped (not failed) when the endpoint answers 404 or 405.</li>
 * <li>The service layer is measured by {@link ServiceVotes} (the {@code service} scenario), which starts the app
 * inside its own JVM; this section only points to it.</li>
 * <li>A poll with 1,000,000 ballots seeded by SQL, tallies filled consistently; the tally read timed as
 * BallotRepository.tally runs it, {@code GET /api/v1/polls/{id}} at 8 clients if present, and the recount.</li>
 * <li>Tallies reconciled against a recount of the ballots for every poll voted through the app.</li>
 * </ol>
 */
final class Polls {
    static final int CLIENTS = 64;
    /** Changes of vote after each first vote in the API scenario. */
    static final int CHANGES = 3;
    /** Members with a token each for the API scenario: 64 clients x 48 voters, reused round-robin if it runs long. */
    static final int TOKEN_VOTERS = CLIENTS * 48;
    static final int MILLION = 1_000_000;
    static final String VOTES_PER_MINUTE = "1000000";

    /** BallotRepository.insert, word for word. */
    static final String INSERT = """
            insert into poll_ballot (poll_id, voter_id, options, value, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (poll_id, voter_id) do nothing
            """;
    /** BallotRepository.tally, word for word. */
    static final String TALLY = "select bucket, sum(count) as n from poll_tally where poll_id = ? group by bucket";
    /** BallotRepository.recount for a single-choice poll: per option, then the number of ballots. */
    static final String RECOUNT_OPTIONS = """
            select o as bucket, count(*) as n from poll_ballot, unnest(options) o
             where poll_id = ? group by o
            """;
    static final String RECOUNT_VOTERS = "select count(*) from poll_ballot where poll_id = ?";

    private Polls() {
    }

    /** Runs the poll scenarios and returns their part of the report. */
    static String run(HttpClient http, String base, Connection db, int seconds, boolean million) throws Exception {
        var out = new StringBuilder();
        long started = System.nanoTime();
        System.out.println("polls: seeding…");
        String[] labels = {"Before 2030", "2030–2040", "2040–2060", "Later or never"};
        String loadAtStart = Bench.loadAverage();
        long t0 = System.nanoTime();
        long[] voterIds = Seed.accounts(db, "voter_", million ? MILLION : 300_000);
        double accountSeconds = (System.nanoTime() - t0) / 1e9;
        List<String> tokens = Seed.tokenMembers(db, "pvoter_", TOKEN_VOTERS);
        var jdbcWarmPoll = Seed.poll(db, "Bench: raw JDBC warm-up", labels);
        var jdbcPoll = Seed.poll(db, "Bench: raw JDBC ballots", labels);
        var apiWarmPoll = Seed.poll(db, "Bench: API warm-up and probe", labels);
        var apiPoll = Seed.poll(db, "Bench: 64 voters through the API", labels);
        db.createStatement().execute("analyze");
        String sync = show(db, "synchronous_commit");
        String fsync = show(db, "fsync");

        // 1. baseline: raw JDBC, 64 connections, distinct voters; a 2 s warm-up on another poll first
        var jdbc = new ArrayList<Connection>();
        Load.Result baseline;
        try {
            for (int c = 0; c < CLIENTS; c++) {
                jdbc.add(DriverManager.getConnection(db.getMetaData().getURL(), "postgres", ""));
            }
            int half = voterIds.length / 2;
            rawInserts("warm-up", jdbc, jdbcWarmPoll, voterIds, half, voterIds.length, 2);
            baseline = rawInserts("baseline: raw JDBC `insert … on conflict do nothing` (autocommit, distinct voters)",
                    jdbc, jdbcPoll, voterIds, 0, half, seconds);
        } finally {
            for (var c : jdbc) {
                c.close();
            }
        }
        System.out.println(baseline + " (ballots in poll: " + ballots(db, jdbcPoll.id()) + ")");

        // for reference: the cheapest HTTP request at the same concurrency (what any endpoint's ratio is capped by)
        var floor = Load.run("reference: GET /actuator/health (the suite's HTTP baseline)", http, CLIENTS, seconds,
                c -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(), 200);
        System.out.println(floor);

        // 2. the API: probe with one real vote on the warm-up poll; 404/405 means the endpoint is not in this jar
        int probe = vote(http, base, apiWarmPoll.id(), apiWarmPoll.options().getFirst(), tokens.getFirst());
        boolean apiPresent = probe != 404 && probe != 405;
        Load.Result api = null;
        if (apiPresent) {
            apiVotes("warm-up", http, base, apiWarmPoll, tokens, 2);
            api = apiVotes("POST /api/v1/polls/{id}/ballot (64 members, each votes then changes " + CHANGES + "×)",
                    http, base, apiPoll, tokens, seconds);
            System.out.println(api + " (ballots: " + ballots(db, apiPoll.id()) + ", history rows: "
                    + historyRows(db, apiPoll.id()) + ")");
        } else {
            System.out.println("POST /api/v1/polls/{id}/ballot answered " + probe + ": skipped (endpoint missing)");
        }

        String loadAtEnd = Bench.loadAverage();
        out.append("\n### Polls\n\nThe app runs with `--agora.voting.votes-per-minute=").append(VOTES_PER_MINUTE)
                .append("` (default 30 per member) so that the per-member vote limit does not throttle the bench voters. ")
                .append("PostgreSQL: synchronous_commit=").append(sync).append(", fsync=").append(fsync)
                .append(" (the embedded server's settings). Each vote scenario uses a fresh open single-choice poll with ")
                .append("4 options and is preceded by a 2 s warm-up on another poll. Load average (1 / 5 / 15 min) ")
                .append("when the vote scenarios started: ").append(loadAtStart).append("; when they ended: ").append(loadAtEnd)
                .append(" (other builds may share these cores).\n\n")
                .append("| scenario | clients | requests | errors | req/s | p50 ms | p99 ms | ratio to baseline |\n")
                .append("|---|---|---|---|---|---|---|---|\n")
                .append(baseline.row(baseline.perSecond())).append('\n');
        out.append(floor.row(baseline.perSecond())).append('\n');
        if (api != null) {
            out.append(api.row(baseline.perSecond())).append('\n');
            long first = ballots(db, apiPoll.id());
            long history = historyRows(db, apiPoll.id());
            out.append(String.format("%nThe API voters' mix: %,d ballots in the poll (first votes), %,d ballot history rows ", first, history))
                    .append(String.format("(first votes and changes), so %,d changes of vote.%n", history - first));
        } else {
            out.append("| POST /api/v1/polls/{id}/ballot (64 members, each votes then changes ").append(CHANGES)
                    .append("×) | 64 | skipped (endpoint missing: answered ").append(probe)
                    .append(") | – | – | – | – | – |\n");
        }
        out.append("\nThe health check row is for reference: the suite's cheapest HTTP request at 64 clients, which ")
                .append("roughly bounds what any HTTP endpoint can reach as a ratio to the raw JDBC baseline on this machine.\n");
        out.append("\nService layer (PollService.vote): measured in-process by the `service` scenario (ServiceVotes, ")
                .append("the app started inside the bench JVM on a database of its own, with its own raw JDBC baseline), ")
                .append(Bench.scenarios().contains("service")
                        ? "reported in the \"Service layer (in-process)\" section that follows this run.\n"
                        : "not run this time (BENCH_SCENARIOS without `service`).\n");
        out.append("\nOutcomes per scenario: baseline ").append(baseline.outcomes())
                .append(" (1 = a row inserted; 0 would be a conflict)")
                .append(api == null ? "" : "; API " + api.outcomes()).append(".\n");

        // 5. tallies of the polls voted through the app (the raw inserts bypass the tallies by design)
        var reconciled = new ArrayList<String>();
        if (apiPresent) {
            reconciled.add(reconcile(db, apiWarmPoll.id(), "API warm-up and probe"));
            reconciled.add(reconcile(db, apiPoll.id(), "64 API voters"));
        }

        // 4. a tally read with 1,000,000 ballots
        var goals = new ArrayList<String>();
        if (api != null) {
            double ratio = api.perSecond() / baseline.perSecond();
            goals.add(String.format("vote throughput ratio %.2f (goal ≥ 0.5): %s", ratio, ratio >= 0.5 ? "met" : "not met"));
            goals.add(String.format("vote p99 %.1f ms (goal ≤ 100 ms): %s", api.p99(), api.p99() <= 100 ? "met" : "not met"));
            goals.add(String.format("%d errors (goal 0): %s", api.errors(), api.errors() == 0 ? "met" : "not met"));
        } else {
            goals.add("vote throughput ratio, vote p99 and 0 errors: not measured (POST …/ballot missing in this jar)");
        }
        if (million) {
            out.append(millionBallots(http, base, db, seconds, labels, accountSeconds, reconciled, goals));
        } else {
            out.append("\nTally read with 1,000,000 ballots: skipped (BENCH_POLL_MILLION=0).\n");
        }
        if (!reconciled.isEmpty()) {
            out.append("\nTallies reconcile (poll_tally summed per bucket vs a recount of poll_ballot per option, plus ")
                    .append("bucket -1 = number of ballots): ").append(String.join("; ", reconciled))
                    .append(". The raw JDBC poll is not reconciled: raw inserts do not touch poll_tally.\n");
        }
        if (apiPresent) {
            boolean apiReconciles = reconciled.stream().filter(r -> r.contains("API")).allMatch(r -> r.endsWith(": yes"));
            goals.add("tallies exact after the API votes: " + (apiReconciles ? "met" : "NOT met"));
        }
        out.append("\nGoals: ").append(String.join("; ", goals)).append(".\n");
        out.append(String.format("%nThe poll scenarios took %.0f s, seeding included.%n", (System.nanoTime() - started) / 1e9));
        return out.toString();
    }

    private static String millionBallots(HttpClient http, String base, Connection db, int seconds, String[] labels,
                                         double accountSeconds, List<String> reconciled, List<String> goals) throws Exception {
        var out = new StringBuilder();
        System.out.println("polls: seeding 1,000,000 ballots…");
        var poll = Seed.poll(db, "Bench: a poll with 1,000,000 ballots", labels);
        long t0 = System.nanoTime();
        long n = Seed.ballots(db, poll, "voter_");
        long t1 = System.nanoTime();
        Seed.tallies(db, poll.id());
        long t2 = System.nanoTime();
        db.createStatement().execute("analyze account, poll_ballot, poll_tally");
        long t3 = System.nanoTime();
        out.append(String.format("%nTally read with %,d ballots in one poll. Seeded by SQL: %,d accounts in %.1f s (one ",
                        n, MILLION, accountSeconds))
                .append(String.format("`insert … select generate_series`), the ballots in %.1f s (one `insert … select`, foreign-key triggers off for the bulk load), ",
                        (t1 - t0) / 1e9))
                .append(String.format("poll_tally in %.1f s (one `insert … select … group by` into 16 slots by ", (t2 - t1) / 1e9))
                .append(String.format("`voter_id %% 16`), `analyze` in %.1f s. SQL timed from a client on the same ", (t3 - t2) / 1e9))
                .append("machine (500 runs each after 20 warm-ups; the tally as a prepared statement, as JdbcClient runs it):\n\n")
                .append("| query | median ms | p95 ms | p99 ms | ratio of median to `select 1` |\n|---|---|---|---|---|\n");
        var one = Sql.time(db, "select 1", 500);
        var tally = Sql.timePrepared(db, "tally: `" + TALLY.replace("?", ":poll") + "` (BallotRepository.tally)",
                TALLY, poll.id(), 500);
        var recount = recount(db, poll.id(), 5);
        out.append(one.row(one.median())).append('\n').append(tally.row(one.median())).append('\n')
                .append(recount.row(one.median())).append('\n');
        System.out.println(one + "\n" + tally + "\n" + recount);
        reconciled.add(reconcile(db, poll.id(), "seeded by SQL"));

        var probe = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll.id())).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        out.append("\n| scenario | clients | requests | errors | req/s | p50 ms | p99 ms | ratio to baseline |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        if (probe != 404 && probe != 405) {
            var health = Load.run("baseline GET /actuator/health", http, 8, seconds,
                    c -> HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(), 200);
            var read = Load.run("GET /api/v1/polls/{id} (1,000,000 ballots)", http, 8, seconds,
                    c -> HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + poll.id())).GET().build(), 200);
            out.append(health.row(health.perSecond())).append('\n').append(read.row(health.perSecond())).append('\n');
            System.out.println(health + "\n" + read);
        } else {
            out.append("| GET /api/v1/polls/{id} (1,000,000 ballots) | 8 | skipped (endpoint missing: answered ")
                    .append(probe).append(") | – | – | – | – | – |\n");
        }
        goals.add(String.format("tally read p99 %.2f ms with 1,000,000 ballots (goal ≤ 5 ms; `select 1` p99 in the same run "
                + "%.2f ms): %s", tally.p99(), one.p99(), tally.p99() <= 5 ? "met" : "not met"));
        return out.toString();
    }

    /** Each client inserts ballots of distinct voters ({@code ids[from + client + 64 k]}) until time or voters run out. */
    static Load.Result rawInserts(String name, List<Connection> connections, Seed.SeededPoll poll, long[] ids,
                                  int from, int to, int seconds) throws Exception {
        var statements = new ArrayList<java.sql.PreparedStatement>();
        for (var c : connections) {
            c.setAutoCommit(true);
            statements.add(c.prepareStatement(INSERT));
        }
        try {
            return Load.loop(name, connections.size(), seconds, "1", (client, n) -> {
                long index = from + client + (long) connections.size() * n;
                if (index >= to) {
                    return null;
                }
                var s = statements.get(client);
                long option = poll.options().get((int) ((client + n) % poll.options().size()));
                s.setLong(1, poll.id());
                s.setLong(2, ids[(int) index]);
                s.setObject(3, new Long[] {option});
                s.setNull(4, java.sql.Types.INTEGER);
                var now = Timestamp.from(Instant.now());
                s.setTimestamp(5, now);
                s.setTimestamp(6, now);
                return String.valueOf(s.executeUpdate());
            });
        } finally {
            for (var s : statements) {
                s.close();
            }
        }
    }

    /**
     * Client {@code c}'s {@code n}-th request is by voter {@code c + 64 * (n / (1 + CHANGES)) mod TOKEN_VOTERS} (each
     * voter's first request is a first vote, the next {@link #CHANGES} change it) for option {@code (c + n) mod 4},
     * so two requests in a row by one voter never choose the same option (no idle "unchanged" votes).
     */
    private static Load.Result apiVotes(String name, HttpClient http, String base, Seed.SeededPoll poll,
                                        List<String> tokens, int seconds) throws Exception {
        int perClient = tokens.size() / CLIENTS;
        return Load.loop(name, CLIENTS, seconds, "200", (client, n) -> {
            int voter = client + CLIENTS * ((n / (1 + CHANGES)) % perClient);
            long option = poll.options().get((client + n) % poll.options().size());
            return String.valueOf(vote(http, base, poll.id(), option, tokens.get(voter)));
        });
    }

    private static int vote(HttpClient http, String base, long pollId, long option, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/polls/" + pollId + "/ballot"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"options\":[" + option + "]}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The recount (both statements of BallotRepository.recount), once to warm up, then {@code runs} times. */
    private static Sql.Timing recount(Connection db, long pollId, int runs) throws Exception {
        var samples = new ArrayList<Long>();
        for (int i = 0; i < runs + 1; i++) {
            long t0 = System.nanoTime();
            recountOf(db, pollId);
            if (i > 0) {
                samples.add(System.nanoTime() - t0);
            }
        }
        Collections.sort(samples);
        return new Sql.Timing("recount: `count(*) … unnest(options) … group by` + `count(*)` (BallotRepository.recount; "
                + runs + " runs after 1 warm-up)", Load.percentile(samples, 0.5) / 1e6,
                Load.percentile(samples, 0.95) / 1e6, Load.percentile(samples, 0.99) / 1e6);
    }

    private static Map<Long, Long> recountOf(Connection db, long pollId) throws Exception {
        var counts = new TreeMap<Long, Long>();
        try (var s = db.prepareStatement(RECOUNT_OPTIONS)) {
            s.setLong(1, pollId);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        long voters = ballots(db, pollId);
        if (voters > 0) {
            counts.put(-1L, voters);
        }
        return counts;
    }

    /** PollService.reconcile, from outside: the summed tallies (zeros dropped) equal the recount. */
    private static String reconcile(Connection db, long pollId, String label) throws Exception {
        var tally = new TreeMap<Long, Long>();
        try (var s = db.prepareStatement(TALLY)) {
            s.setLong(1, pollId);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) != 0) {
                        tally.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
        }
        var recount = recountOf(db, pollId);
        boolean equal = new HashMap<>(tally).equals(new HashMap<>(recount));
        System.out.println("poll " + pollId + " (" + label + "): tally " + tally + ", recount " + recount);
        return String.format("poll %d (%s, %,d ballots): ", pollId, label, recount.getOrDefault(-1L, 0L))
                + (equal ? "yes" : "no — tally " + tally + " vs recount " + recount);
    }

    static long ballots(Connection db, long pollId) throws Exception {
        try (var s = db.prepareStatement(RECOUNT_VOTERS)) {
            s.setLong(1, pollId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long historyRows(Connection db, long pollId) throws Exception {
        try (var s = db.prepareStatement("select count(*) from poll_ballot_history where poll_id = ?")) {
            s.setLong(1, pollId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String show(Connection db, String setting) throws Exception {
        try (var rs = db.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
