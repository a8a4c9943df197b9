package org.agora.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Live heap per idle Vaadin session ({@code BENCH_SCENARIOS=sessions}): the production jar in a process of its own
 * (embedded PostgreSQL, {@code -Xmx1g}, G1), and a lightweight client — plain HTTP, no browser — that opens
 * sessions the way a browser's first visit does: the page (session cookie), Vaadin's bootstrap
 * ({@code ?v-r=init}, which makes the UI) and the client's first UIDL request (the {@code ui-navigate} event,
 * which builds the thread view with its 20 posts). A signed-in session first posts the login form. Then the
 * client does nothing more: no heartbeat, no push connection, as a tab left open. After each step the app's heap
 * is measured after two full GCs ({@code jcmd GC.run}, then {@code GC.heap_info}'s "used"), at N = 0, 100 and
 * 500 anonymous readers, then 100 and 500 signed-in members on top.
 */
public final class Sessions {
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final String PASSWORD = "bench-sessions-password";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final long topic;

    private Sessions(String base, long topic) {
        this.base = base;
        this.topic = topic;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path report = Path.of(args[1]);
        int httpPort = Bench.freePortForOthers();
        int pgPort = Bench.freePortForOthers();
        Path data = Path.of("target/bench-sessions-db").toAbsolutePath();
        var app = new ProcessBuilder(Bench.javaBinary(), "-Xmx1g", "-XX:+UseG1GC", "-jar", jar.toString(),
                "--server.port=" + httpPort, "--agora.embedded-db.data-dir=" + data, "--agora.embedded-db.clean=true",
                "--agora.embedded-db.port=" + pgPort, "--agora.demo-data=false",
                "--agora.login.attempts-per-address-per-minute=100000000",
                "--logging.level.root=warn", "--logging.level.org.agora=info")
                .redirectErrorStream(true).redirectOutput(Path.of("target/bench-sessions-app.log").toFile()).start();
        var out = new StringBuilder();
        try {
            String base = "http://localhost:" + httpPort;
            Bench.awaitHealth(HttpClient.newHttpClient(), base);
            long topic;
            List<String> members;
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
                Seed.members(db, 64); // the thread's authors
                topic = Seed.thread(db, "Bench: an idle reader's thread", 20);
                members = members(db, 520);
            }
            var bench = new Sessions(base, topic);
            out.append(bench.run(app.pid(), members));
        } finally {
            app.destroy();
            app.waitFor();
        }
        Files.writeString(report, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(out);
    }

    /** {@code n} verified members who can sign in with {@link #PASSWORD} (one Argon2id hash, as the app makes it). */
    private static List<String> members(Connection db, int n) throws Exception {
        Seed.accounts(db, "sess_", n);
        String hash = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
        try (var s = db.prepareStatement("update account set password_hash = ? where username like 'sess\\_%'")) {
            s.setString(1, hash);
            s.executeUpdate();
        }
        var names = new ArrayList<String>();
        try (var s = db.createStatement(); var rs = s.executeQuery("select username from account where username like 'sess\\_%' order by id")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private String run(long pid, List<String> members) throws Exception {
        var out = new StringBuilder();
        out.append("\n## Sessions: live heap per idle Vaadin session, ").append(ZonedDateTime.now().withNano(0)).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(Bench.cpuModel()).append(", Java ").append(System.getProperty("java.version"))
                .append("; commit ").append(Bench.commit()).append("; load average at start ").append(Bench.loadAverage())
                .append(" (a shared machine: other builds ran meanwhile; heap after full GC is little affected by that, ")
                .append("timings would be).\n\n")
                .append("The production jar (`-Xmx1g`, G1, embedded PostgreSQL) and a plain-HTTP client that opens each session as ")
                .append("a browser's first visit does — the page, Vaadin's bootstrap (`?v-r=init`: the UI) and its first UIDL ")
                .append("request (`ui-navigate`: the view of a thread with 20 posts) — and then stays idle (no heartbeat, no push). ")
                .append("Signed-in sessions post the login form first. Heap = \"used\" after two full GCs (`jcmd GC.run`). ")
                .append("Warm-up: 5 sessions of each kind before N = 0.\n\n");
        // warm-up: classes loaded, caches filled, so that N = 0 is a fair baseline
        open(5, i -> reader());
        open(5, i -> member(members.get(510 + i)));
        long baseline = heapAfterGc(pid);
        out.append("| sessions open | heap used after full GC | more than at N = 0 | per session |\n|---|---|---|---|\n");
        out.append(row("N = 0", baseline, baseline, 0));
        long start = System.nanoTime();
        open(100, i -> reader());
        long readers100 = heapAfterGc(pid);
        out.append(row("100 anonymous readers", readers100, baseline, 100));
        open(400, i -> reader());
        long readers500 = heapAfterGc(pid);
        out.append(row("500 anonymous readers", readers500, baseline, 500));
        open(100, i -> member(members.get(i)));
        long members100 = heapAfterGc(pid);
        out.append(row("500 readers + 100 signed-in members", members100, readers500, 100).replace("more than at N = 0", ""));
        open(400, i -> member(members.get(100 + i)));
        long members500 = heapAfterGc(pid);
        out.append(row("500 readers + 500 signed-in members", members500, readers500, 500));
        double perReader = (readers500 - baseline) * 1024.0 / 500;
        double perMember = (members500 - readers500) * 1024.0 / 500;
        out.append("\nSigned-in rows count from the 500-reader line. Per anonymous reader: **")
                .append(String.format("%.0f", perReader / 1024)).append(" KB**; per idle signed-in member with a thread open: **")
                .append(String.format("%.0f", perMember / 1024)).append(" KB** (goal ≤ 300 KB: ")
                .append(perMember / 1024 <= 300 ? "met" : "not met").append("). So 1 GB of heap holds about ")
                .append(String.format("%,d", (long) (1024.0 * 1024 * 1024 / Math.max(perReader, 1)))).append(" idle readers' tabs or ")
                .append(String.format("%,d", (long) (1024.0 * 1024 * 1024 / Math.max(perMember, 1))))
                .append(" members' tabs. Opening the 1,010 sessions took ")
                .append((System.nanoTime() - start) / 1_000_000_000).append(" s (each sign-in hashes a password with Argon2id).\n");
        return out.toString();
    }

    private static String row(String label, long usedKb, long fromKb, int n) {
        long delta = usedKb - fromKb;
        return "| " + label + " | " + String.format("%.1f MB", usedKb / 1024.0) + " | "
                + (n == 0 ? "–" : String.format("%+.1f MB", delta / 1024.0)) + " | "
                + (n == 0 ? "–" : String.format("%.0f KB", delta / (double) n)) + " |\n";
    }

    private interface Opener {
        void open(int i) throws Exception;
    }

    /** Opens {@code n} sessions, 4 at a time (the app has 2 cores, and sign-ins hash passwords). */
    private static void open(int n, Opener opener) throws Exception {
        var gate = new Semaphore(4);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < n; i++) {
                int index = i;
                gate.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        opener.open(index);
                    } finally {
                        gate.release();
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
    }

    /** An anonymous reader's first visit to the thread. */
    private void reader() throws Exception {
        var page = http.send(get("/threads/" + topic, null), HttpResponse.BodyHandlers.ofString());
        viewThread(cookie(page, null));
    }

    /** A member signs in (the login form's POST) and opens the thread. */
    private void member(String username) throws Exception {
        String session = cookie(http.send(get("/login", null), HttpResponse.BodyHandlers.ofString()), null);
        var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", "JSESSIONID=" + session).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error") || location.contains("login")) {
            throw new IllegalStateException("login of " + username + " failed: " + login.statusCode() + " " + location);
        }
        session = cookie(login, session);
        http.send(get("/threads/" + topic, session), HttpResponse.BodyHandlers.discarding());
        viewThread(session);
    }

    /** Vaadin's bootstrap and first UIDL request for /threads/{id}, in this session. */
    private void viewThread(String session) throws Exception {
        var init = http.send(get("/?v-r=init&location=" + URLEncoder.encode("threads/" + topic, StandardCharsets.UTF_8)
                + "&query=", session), HttpResponse.BodyHandlers.ofString());
        var key = SECURITY_KEY.matcher(init.body());
        var ui = UI_ID.matcher(init.body());
        if (init.statusCode() != 200 || !key.find() || !ui.find()) {
            throw new IllegalStateException("no Vaadin bootstrap: " + init.statusCode());
        }
        String body = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"threads/%d",\
                "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}"""
                .formatted(key.group(1), topic);
        var uidl = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + ui.group(1)))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (uidl.statusCode() != 200 || !uidl.body().contains("agora-post")) {
            throw new IllegalStateException("the thread view was not built: " + uidl.statusCode());
        }
    }

    private HttpRequest get(String path, String session) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return request.build();
    }

    private static String cookie(HttpResponse<?> response, String current) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith("JSESSIONID=")) {
                return header.substring("JSESSIONID=".length(), header.indexOf(';'));
            }
        }
        if (current == null) {
            throw new IllegalStateException("no session cookie from " + response.uri());
        }
        return current;
    }

    /** The app's heap in KB after two full GCs. */
    private static long heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (int i = 0; i < 2; i++) {
            new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        var info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor();
        var used = USED.matcher(text);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd: " + text);
        }
        return Long.parseLong(used.group(1));
    }
}
