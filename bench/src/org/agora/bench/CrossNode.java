package org.agora.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cross-node live-update latency ({@code BENCH_SCENARIOS=cluster}), on the local cluster that bench/run.sh starts
 * with deploy/local-cluster.sh (two nodes with the prod profile, one PostgreSQL, nginx). Members post through
 * nginx's API route (round-robin over both nodes) at a steady pace; each node records, for every live event it
 * receives, the time from the commit that queued it (on either node) to its delivery to that node's UIs
 * ({@code agora_events_lag_seconds}, read from both nodes' management ports). The baseline in the same run: the
 * same figure for an event a node hears from itself.
 * Arguments: report path, seconds, nginx port, node a and b management ports, PostgreSQL port.
 */
public final class CrossNode {
    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String nginx = "http://127.0.0.1:" + args[2];
        String[] management = {"http://127.0.0.1:" + args[3], "http://127.0.0.1:" + args[4]};
        String pg = "jdbc:postgresql://127.0.0.1:" + args[5] + "/agora";
        List<String> tokens;
        long topic;
        try (var db = DriverManager.getConnection(pg, "agora", "")) {
            tokens = Seed.members(db, 16);
            topic = Seed.thread(db, "Bench: cross-node live updates", 1);
        }
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        double[][] before = {lag(http, management[0]), lag(http, management[1])};
        int rate = 8; // posts per second: each becomes one event (coalesced per 250 ms flush)
        int sent = 0;
        int errors = 0;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        var latencies = new ArrayList<Long>();
        while (System.nanoTime() < end) {
            long due = start + sent * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long t0 = System.nanoTime();
            var response = http.send(HttpRequest.newBuilder(URI.create(nginx + "/api/v1/threads/" + topic + "/posts"))
                    .header("Authorization", "Bearer " + tokens.get(sent % tokens.size()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stance\": \"PRO\", \"body\": \"Cross-node post " + sent + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 201) {
                errors++;
            }
            sent++;
        }
        // the last events need one flush interval to arrive
        Thread.sleep(1_000);
        double[][] after = {lag(http, management[0]), lag(http, management[1])};
        latencies.sort(null);
        var out = new StringBuilder();
        out.append("\n## Cross-node live updates through nginx, ").append(ZonedDateTime.now().withNano(0)).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Bench.cpuModel()).append(", Java ").append(System.getProperty("java.version"))
                .append("; commit ").append(Bench.commit()).append("; load average ").append(Bench.loadAverage())
                .append(" (shared machine: other builds ran meanwhile).\n\n")
                .append("deploy/local-cluster.sh: two nodes (prod profile) on one PostgreSQL, nginx in front. ")
                .append(sent).append(" posts in ").append(seconds).append(" s (").append(rate)
                .append("/s, 16 members) through nginx's round-robin API route, ").append(errors).append(" errors; API p50 ")
                .append(ms(latencies, 0.50)).append(" ms, p99 ").append(ms(latencies, 0.99)).append(" ms. ")
                .append("Each node's `agora_events_lag_seconds` (commit on any node → delivery to this node's UIs; ")
                .append("includes the ≤ 250 ms coalescing of the bus; quantiles over Micrometer's last 2 minutes). ")
                .append("Each post makes several events (the thread, followers' notifications). Both nodes hear every event, their own included (NOTIFY reaches all listeners), so each node's ")
                .append("figure mixes its own events (the baseline: same node) and the other node's (cross-node).\n\n")
                .append("| node | events heard | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < 2; i++) {
            out.append("| ").append(i == 0 ? "a" : "b").append(" | ").append((long) (after[i][0] - before[i][0]))
                    .append(" | ").append(String.format("%.0f", after[i][1] * 1000))
                    .append(" | ").append(String.format("%.0f", after[i][2] * 1000))
                    .append(" | ").append(String.format("%.0f", after[i][3] * 1000))
                    .append(" | ").append(String.format("%.0f", after[i][4] * 1000)).append(" |\n");
        }
        double worstP95 = Math.max(after[0][2], after[1][2]) * 1000;
        out.append("\nGoal: cross-node live update ≤ 1 s at p95 — ").append(worstP95 <= 1000 ? "met" : "not met")
                .append(" at the bus (").append(String.format("%.0f", worstP95))
                .append(" ms, worst node). The browser adds one push message over the websocket after that (`ClusterTest` ")
                .append("sees a post from node a on node b's page within its 10 s bound; not timed there).\n");
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(out);
    }

    private static String ms(List<Long> sorted, double q) {
        return String.format("%.1f", sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6);
    }

    /** count, p50, p95, p99, max (seconds) of agora_events_lag_seconds on one node's management port. */
    private static double[] lag(HttpClient http, String management) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new double[] {value(text, "agora_events_lag_seconds_count", null), value(text, "agora_events_lag_seconds", "0.5"),
                value(text, "agora_events_lag_seconds", "0.95"), value(text, "agora_events_lag_seconds", "0.99"),
                value(text, "agora_events_lag_seconds_max", null)};
    }

    private static double value(String text, String name, String quantile) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(text);
        while (m.find()) {
            if (quantile == null ? !m.group(1).contains("quantile") : m.group(1).contains("quantile=\"" + quantile + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
