package org.agora.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.agora.Application;
import org.agora.account.AgoraUser;
import org.agora.poll.Ballot;
import org.agora.poll.PollException;
import org.agora.poll.PollService;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The service-layer vote scenarios (the Polls issue: "Vote throughput through the service layer … with 64
 * concurrent voters, as a ratio to a raw JDBC ballot insert measured in the same run (goal ≥ 0.5), p99 ≤ 100 ms,
 * 0 errors, tallies exact afterwards"), run by bench/run.sh as a JVM of its own when {@code BENCH_SCENARIOS}
 * contains {@code service}. Nothing bench-only goes into main code: this class starts the application
 * ({@link Application}, from the production jar as {@code java -Djarmode=tools extract} lays it out: its classes and
 * exactly its libraries) inside its own JVM with {@link SpringApplication} on a fresh embedded PostgreSQL, and calls
 * the {@link PollService} bean the way the UI and the API do, as a signed-in member.
 * <ol>
 * <li>Baseline: {@link Polls#rawInserts}, word for word (BallotRepository.insert's statement, autocommit, 64
 * connections of their own, distinct voters), against the same database, in the same JVM and run.</li>
 * <li>{@code PollService.vote}, first ballots: 64 threads, each call by a member who has not voted in the poll.</li>
 * <li>{@code PollService.vote}, changes: the same poll's voters move their ballot to another option, each call a
 * change (never an identical ballot).</li>
 * <li>{@code PollService.vote} as the API scenario: each voter votes, then changes {@value Polls#CHANGES}×.</li>
 * </ol>
 * Each thread acts as one member per call: its SecurityContext holds an authenticated token whose principal is the
 * member's {@link AgoraUser}, loaded through the app's UserDetailsService (as the tests' TestAccounts.signIn does)
 * before the clock starts. Afterwards {@link PollService#reconcile} checks every poll voted in.
 * Usage: {@code ServiceVotes <report.md> <seconds-per-scenario>}; {@code BENCH_SERVICE_VOTERS} overrides the
 * number of members with a principal (default 64 × max(64, 40 × seconds)).
 */
public final class ServiceVotes {
    private static final int CLIENTS = Polls.CLIENTS;
    private static final int POOL_SIZE = 20;
    private static final String OK = "ok";
    private static final String[] LABELS = {"Before 2030", "2030–2040", "2040–2060", "Later or never"};
    private static final AtomicBoolean TRACED = new AtomicBoolean();

    private ServiceVotes() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String loadAtStart = Bench.loadAverage();
        long started = System.nanoTime();
        Path data = Path.of("target/bench-service-db").toAbsolutePath();
        deleteTree(data);
        var application = new SpringApplication(Application.class);
        application.setBannerMode(Banner.Mode.OFF);
        System.out.println("service: starting the app in-process (log: target/bench-service-app.log)…");
        ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--agora.embedded-db.data-dir=" + data, "--agora.embedded-db.clean=true",
                "--agora.embedded-db.pool-size=" + POOL_SIZE,
                "--agora.voting.votes-per-minute=" + Polls.VOTES_PER_MINUTE,
                "--agora.demo-data=false",
                "--logging.level.root=warn", "--logging.level.org.agora=info",
                "--logging.file.name=target/bench-service-app.log", "--logging.threshold.console=warn");
        double startupSeconds = (System.nanoTime() - started) / 1e9;
        String out;
        try {
            out = run(context, seconds, startupSeconds, loadAtStart, started);
        } finally {
            context.close();
        }
        Files.writeString(report, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(out);
        try {
            deleteTree(data);
        } catch (IOException e) {
            System.err.println("service: could not remove " + data + ": " + e);
        }
        System.exit(0);
    }

    private static String run(ConfigurableApplicationContext context, int seconds, double startupSeconds,
                              String loadAtStart, long started) throws Exception {
        var polls = context.getBean(PollService.class);
        var users = context.getBean(UserDetailsService.class);
        String url;
        try (var c = context.getBean(DataSource.class).getConnection()) {
            url = c.getMetaData().getURL();
        }
        int serviceVoters = serviceVoters(seconds);
        int rawVoters = 2 * Math.max(100_000, 16_000 * seconds);
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            System.out.println("service: seeding…");
            long t0 = System.nanoTime();
            long[] ids = Seed.accounts(db, "svoter_", Math.max(rawVoters, serviceVoters));
            double accountSeconds = (System.nanoTime() - t0) / 1e9;
            var jdbcWarmPoll = Seed.poll(db, "Bench: raw JDBC warm-up (service run)", LABELS);
            var jdbcPoll = Seed.poll(db, "Bench: raw JDBC ballots (service run)", LABELS);
            var sqlPoll = Seed.poll(db, "Bench: the first-ballot statement alone (raw JDBC)", LABELS);
            var warmPoll = Seed.poll(db, "Bench: PollService warm-up", LABELS);
            var poll = Seed.poll(db, "Bench: PollService first ballots, then changes", LABELS);
            var mixPoll = Seed.poll(db, "Bench: PollService, each voter votes then changes", LABELS);
            db.createStatement().execute("analyze");
            String sync = Polls.show(db, "synchronous_commit");
            String fsync = Polls.show(db, "fsync");

            t0 = System.nanoTime();
            SecurityContext[] voters = principals(db, users, serviceVoters);
            double principalSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("service: %,d accounts in %.1f s; %,d principals through the UserDetailsService in %.1f s%n",
                    ids.length, accountSeconds, voters.length, principalSeconds);

            // 1. baseline: Polls' raw JDBC insert, 64 connections, distinct voters; a 2 s warm-up on another poll
            var jdbc = new ArrayList<Connection>();
            Load.Result baseline;
            Load.Result sqlAlone;
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    jdbc.add(DriverManager.getConnection(url, "postgres", ""));
                }
                int half = rawVoters / 2;
                Polls.rawInserts("warm-up", jdbc, jdbcWarmPoll, ids, half, rawVoters, 2);
                baseline = Polls.rawInserts("baseline: raw JDBC `insert … on conflict do nothing` (autocommit, distinct voters)",
                        jdbc, jdbcPoll, ids, 0, half, seconds);
                sqlAlone = firstBallotStatements(jdbc, sqlPoll, ids, half, seconds);
            } finally {
                for (var c : jdbc) {
                    c.close();
                }
            }
            System.out.println(baseline);
            System.out.println(sqlAlone);

            // 2. warm-up of the service path (first votes and changes) on a poll of its own
            mixed("warm-up", polls, warmPoll, voters, 2);

            // 3. first ballots: client c's n-th call is by voter c + 64 n, who has not voted in the poll yet
            int[] current = new int[voters.length];
            java.util.Arrays.fill(current, -1);
            var first = Load.loop("PollService.vote, first ballots (each call by a member new to the poll)", CLIENTS,
                    seconds, OK, (client, n) -> {
                        int voter = client + CLIENTS * n;
                        if (voter >= voters.length) {
                            return null;
                        }
                        int option = (client + n) % LABELS.length;
                        String outcome = vote(polls, voters[voter], poll.id(), poll.options().get(option));
                        if (OK.equals(outcome)) {
                            current[voter] = option;
                        }
                        return outcome;
                    });
            System.out.println(first);
            long firstBallots = Polls.ballots(db, poll.id());

            // 4. changes: each client cycles over the voters it gave a first ballot, moving each to the next option
            var voted = new ArrayList<int[]>();
            for (int c = 0; c < CLIENTS; c++) {
                var mine = new ArrayList<Integer>();
                for (int v = c; v < voters.length; v += CLIENTS) {
                    if (current[v] >= 0) {
                        mine.add(v);
                    }
                }
                voted.add(mine.stream().mapToInt(Integer::intValue).toArray());
            }
            var changes = Load.loop("PollService.vote, changes (each call moves an earlier ballot to another option)",
                    CLIENTS, seconds, OK, (client, n) -> {
                        int[] mine = voted.get(client);
                        if (mine.length == 0) {
                            return null;
                        }
                        int voter = mine[n % mine.length];
                        int option = (current[voter] + 1) % LABELS.length;
                        String outcome = vote(polls, voters[voter], poll.id(), poll.options().get(option));
                        if (OK.equals(outcome)) {
                            current[voter] = option;
                        }
                        return outcome;
                    });
            System.out.println(changes);

            // 5. as the API scenario: each voter votes, then changes 3× before the client moves on
            var mix = mixed("PollService.vote, each voter votes then changes " + Polls.CHANGES + "× (as the API scenario)",
                    polls, mixPoll, voters, seconds);
            System.out.println(mix);
            String loadAtEnd = Bench.loadAverage();

            // 6. tallies, through the service's own check
            var reconciled = new ArrayList<String>();
            boolean allReconcile = true;
            for (var p : List.of(new Object[] {warmPoll, "warm-up"}, new Object[] {poll, "first ballots, then changes"},
                    new Object[] {mixPoll, "votes then changes"})) {
                var seeded = (Seed.SeededPoll) p[0];
                boolean ok = polls.reconcile(seeded.id());
                allReconcile &= ok;
                reconciled.add(String.format("poll %d (%s, %,d ballots, %,d history rows): %s", seeded.id(), p[1],
                        Polls.ballots(db, seeded.id()), Polls.historyRows(db, seeded.id()), ok ? "yes" : "NO"));
            }
            System.out.println("tallies reconcile: " + (allReconcile ? "yes" : "no") + " — " + String.join("; ", reconciled));

            var out = new StringBuilder();
            out.append("\n## Service layer (in-process), run of ").append(ZonedDateTime.now().withNano(0)).append("\n\n")
                    .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                    .append(Bench.cpuModel()).append(", Java ").append(System.getProperty("java.version"))
                    .append("; commit ").append(Bench.commit()).append("; ").append(seconds).append(" s per scenario. ")
                    .append("Load average (1 / 5 / 15 min) at the start: ").append(loadAtStart).append("; at the end of the vote scenarios: ")
                    .append(loadAtEnd).append(" (other builds may share these cores).\n\n")
                    .append(String.format("The app (`org.agora.Application` from the production jar, extracted: its classes and "
                            + "exactly its libraries) started inside the bench JVM in %.1f s, on an embedded PostgreSQL of its "
                            + "own (synchronous_commit=%s, fsync=%s), a pool of %d connections, `agora.voting.votes-per-minute=%s`, "
                            + "`agora.demo-data=false`. ", startupSeconds, sync, fsync, POOL_SIZE, Polls.VOTES_PER_MINUTE))
                    .append(String.format("%d platform threads call the `PollService` bean (method security, transaction and "
                            + "all) as `vote(poll, Ballot.ofOptions(List.of(option)))`, each call as one member: the thread's "
                            + "SecurityContext holds an authenticated token whose principal is the member's `AgoraUser`, "
                            + "loaded through the app's UserDetailsService before the clock starts (%,d members in %.1f s). ",
                            CLIENTS, voters.length, principalSeconds))
                    .append(String.format("The baseline is the poll scenarios' raw JDBC insert run the same way (%d connections "
                            + "of its own, autocommit, distinct voters) against the same database in the same JVM; %,d members "
                            + "seeded by SQL in %.1f s. Each scenario uses a fresh open single-choice poll with 4 options; a 2 s "
                            + "warm-up on other polls precedes the baseline and the service scenarios.%n%n",
                            CLIENTS, ids.length, accountSeconds))
                    .append("| scenario | clients | calls | errors | calls/s | p50 ms | p99 ms | ratio to baseline |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (var r : List.of(baseline, sqlAlone, first, changes, mix)) {
                out.append(r.row(baseline.perSecond())).append('\n');
            }
            out.append(String.format("%nThe second row is the statement a first ballot runs (`BallotRepository.firstBallot`: "
                    + "the ballot, its history row and two tally slots, guarded by the poll being open and the voter in "
                    + "good standing), run from the baseline's connections the way the baseline runs its insert: what "
                    + "the database itself allows a vote; the rows below it add the service (security, validation, rate "
                    + "limit, the pool, JdbcClient) around the same statement.%n"));
            out.append(String.format("%nFirst ballots: %,d ballots in the poll after that scenario%s. Changes: over the same "
                            + "voters, round-robin per thread. ", firstBallots,
                    first.requests() >= voters.length ? " (every member with a principal had voted before the time was up)" : ""));
            long mixBallots = Polls.ballots(db, mixPoll.id());
            long mixHistory = Polls.historyRows(db, mixPoll.id());
            out.append(String.format("The mixed scenario: %,d ballots (first votes), %,d history rows, so %,d changes of vote.%n",
                    mixBallots, mixHistory, mixHistory - mixBallots));
            out.append("\nOutcomes: baseline ").append(baseline.outcomes()).append("; first ballots ").append(first.outcomes())
                    .append("; changes ").append(changes.outcomes()).append("; mixed ").append(mix.outcomes()).append(".\n");
            out.append("\nTallies reconcile (PollService.reconcile: summed tallies vs a recount of the ballots): ")
                    .append(allReconcile ? "yes" : "no").append(" — ").append(String.join("; ", reconciled)).append(".\n");
            var goals = new ArrayList<String>();
            for (var r : List.of(first, changes, mix)) {
                double ratio = r.perSecond() / baseline.perSecond();
                goals.add(String.format("%s: ratio %.2f %s, p99 %.1f ms %s, %d errors %s", shortName(r), ratio,
                        ratio >= 0.5 ? "met" : "not met", r.p99(), r.p99() <= 100 ? "met" : "not met", r.errors(),
                        r.errors() == 0 ? "met" : "not met"));
            }
            goals.add("tallies exact: " + (allReconcile ? "met" : "NOT met"));
            out.append("\nGoals (ratio ≥ 0.5, p99 ≤ 100 ms, 0 errors, tallies exact): ").append(String.join("; ", goals)).append(".\n");
            out.append(String.format("%nThe service scenarios took %.0f s, startup and seeding included.%n",
                    (System.nanoTime() - started) / 1e9));
            return out.toString();
        }
    }

    /** {@code BallotRepository.firstBallot}, word for word but for positional parameters. */
    private static final String FIRST_BALLOT = """
            with ballot as (
                insert into poll_ballot (poll_id, voter_id, options, value, created_at, updated_at)
                select ?1, ?2, ?3, null, ?4, ?4
                 where exists (select 1 from poll p where p.id = ?1 and p.status = 'OPEN'
                                                      and (p.closes_at is null or p.closes_at > ?4))
                   and not exists (select 1 from account_sanction s
                                    where s.account_id = ?2 and s.kind <> 'WARN' and s.lifted_at is null
                                      and s.starts_at <= ?4 and (s.ends_at is null or s.ends_at > ?4))
                on conflict (poll_id, voter_id) do nothing
                returning poll_id
            ), history as (
                insert into poll_ballot_history (poll_id, voter_id, at, new_options, new_value)
                select ?1, ?2, ?4, ?3, null from ballot
            ), tally as (
                insert into poll_tally (poll_id, bucket, slot, count)
                select ?1, d.bucket, ?5, d.delta
                  from ballot, unnest(cast(?6 as bigint[]), cast(?7 as integer[])) with ordinality as d (bucket, delta, n)
                 order by d.n
                on conflict (poll_id, bucket, slot) do update set count = poll_tally.count + excluded.count
            )
            select count(*) from ballot
            """;

    /**
     * The first-ballot statement alone, on the baseline's connections (autocommit, prepared once per connection),
     * each call a voter new to the poll.
     */
    private static Load.Result firstBallotStatements(List<Connection> connections, Seed.SeededPoll poll, long[] ids,
                                                     int count, int seconds) throws Exception {
        String sql = FIRST_BALLOT;
        for (int i = 7; i >= 1; i--) { // JDBC has no numbered parameters: repeat each value where it is used
            sql = sql.replace("?" + i, "{" + i + "}");
        }
        var order = new ArrayList<Integer>();
        var m = java.util.regex.Pattern.compile("\\{(\\d)}").matcher(sql);
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
        }
        String positional = sql.replaceAll("\\{\\d}", "?");
        var statements = new ArrayList<java.sql.PreparedStatement>();
        for (var c : connections) {
            c.setAutoCommit(true);
            statements.add(c.prepareStatement(positional));
        }
        try {
            return Load.loop("the first-ballot statement alone (raw JDBC, autocommit, voters new to the poll)",
                    connections.size(), seconds, "1", (client, n) -> {
                        long index = client + (long) connections.size() * n;
                        if (index >= count) {
                            return null;
                        }
                        long voter = ids[(int) index];
                        long option = poll.options().get((client + n) % poll.options().size());
                        Object[] values = {poll.id(), voter, new Long[] {option},
                                java.sql.Timestamp.from(java.time.Instant.now()), (int) Math.floorMod(voter, 16),
                                new Long[] {-1L, option}, new Integer[] {1, 1}};
                        var s = statements.get(client);
                        for (int i = 0; i < order.size(); i++) {
                            s.setObject(i + 1, values[order.get(i) - 1]);
                        }
                        try (var rs = s.executeQuery()) {
                            rs.next();
                            return String.valueOf(rs.getLong(1));
                        }
                    });
        } finally {
            for (var s : statements) {
                s.close();
            }
        }
    }

    /**
     * Client {@code c}'s {@code n}-th call is by voter {@code c + 64 * (n / (1 + CHANGES)) mod perClient} for option
     * {@code (c + n) mod 4}, as {@code Polls.apiVotes}: a first vote, then {@link Polls#CHANGES} changes.
     */
    private static Load.Result mixed(String name, PollService polls, Seed.SeededPoll poll, SecurityContext[] voters,
                                     int seconds) throws InterruptedException {
        int perClient = voters.length / CLIENTS;
        return Load.loop(name, CLIENTS, seconds, OK, (client, n) -> {
            int voter = client + CLIENTS * ((n / (1 + Polls.CHANGES)) % perClient);
            long option = poll.options().get((client + n) % poll.options().size());
            return vote(polls, voters[voter], poll.id(), option);
        });
    }

    /** One call of the service as the given member; the outcome is "ok" or the refusal's message key. */
    private static String vote(PollService polls, SecurityContext member, long pollId, long option) {
        SecurityContextHolder.setContext(member);
        try {
            polls.vote(pollId, Ballot.ofOptions(List.of(option)));
            return OK;
        } catch (PollException e) {
            return "PollException " + e.messageKey();
        } catch (RuntimeException e) {
            if (TRACED.compareAndSet(false, true)) {
                System.err.println("service: first unexpected exception (later ones are only counted):");
                e.printStackTrace();
            }
            return e.getClass().getSimpleName();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The first {@code n} bench members as signed-in security contexts, each holding an authenticated token with the
     * member's AgoraUser from the app's UserDetailsService (as TestAccounts.signIn), loaded by 16 threads at once.
     */
    private static SecurityContext[] principals(Connection db, UserDetailsService users, int n) throws Exception {
        var names = new ArrayList<String>(n);
        try (var s = db.prepareStatement("select username from account where username like 'svoter\\_%' order by id limit ?")) {
            s.setInt(1, n);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        if (names.size() != n) {
            throw new IllegalStateException("expected " + n + " bench members, found " + names.size());
        }
        var contexts = new SecurityContext[n];
        int threads = 16;
        var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            int from = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = from; i < n; i += threads) {
                        var user = users.loadUserByUsername(names.get(i));
                        if (!(user instanceof AgoraUser)) {
                            throw new IllegalStateException("the UserDetailsService answered " + user.getClass());
                        }
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                                user.getAuthorities()));
                        contexts[i] = context;
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (var w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return contexts;
    }

    private static int serviceVoters(int seconds) {
        String configured = System.getenv("BENCH_SERVICE_VOTERS");
        int n = configured == null || configured.isBlank() ? CLIENTS * Math.max(64, 40 * seconds)
                : Integer.parseInt(configured.strip());
        return Math.max(CLIENTS, n / CLIENTS * CLIENTS);
    }

    private static String shortName(Load.Result r) {
        String name = r.name().replace("PollService.vote, ", "");
        int paren = name.indexOf(" (");
        return paren < 0 ? name : name.substring(0, paren);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
