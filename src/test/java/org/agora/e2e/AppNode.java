package org.agora.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.agora.Application;
import org.awaitility.Awaitility;

/**
 * Another app node for multi-node tests: the same application (this test's classpath) in a JVM of its own, with
 * its own Tomcat, Vaadin and event-bus listener, on a free port, against the test's PostgreSQL. Its session ids
 * end in "." + route (Tomcat's jvmRoute), as in production.
 */
final class AppNode implements AutoCloseable {
    final int port;
    private final Process process;

    private AppNode(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The test profile's embed token secret (application-test.properties): every node signs with the same one. */
    static final String EMBED_TOKEN_SECRET = "q4nJ0yqv3l2z0dC8vQx1q3n3yX1m0s5gGJc8mQ3wS9E=";

    /** @param extra more {@code --name=value} arguments, e.g. higher rate limits */
    static AppNode start(String jdbcUrl, String totpKey, String route, String... extra) throws Exception {
        int port = freePort();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(java.util.List.of(javaBin, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--vaadin.devmode.devTools.enabled=false",
                "--vaadin.launch-browser=false",
                // stopped at once at the end of a test: a graceful stop would wait for open push and SSE connections
                "--server.shutdown=immediate",
                "--agora.base-url=http://agora.test",
                "--agora.node.route=" + route,
                // every node seals and reads TOTP secrets with the same key
                "--agora.security.totp-key=" + totpKey,
                // and signs embedded polls' voter tokens with the same secret (an external database requires one)
                "--agora.embed.token-secret=" + EMBED_TOKEN_SECRET));
        command.addAll(java.util.List.of(extra));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/node-" + route + ".log").toFile())
                .start();
        var node = new AppNode(port, process);
        node.awaitHealthy();
        return node;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() {
        var http = HttpClient.newHttpClient();
        Awaitility.await("node on port " + port + " healthy (see target/node-*.log)")
                .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .failFast("node exited", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no graceful shutdown, as when a machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
