package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.agora.account.ApiScope;
import org.agora.account.ApiTokenService;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.poll.TestPolls;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Two app nodes behind Debian's nginx, configured by the same files as production and the local cluster
 * ({@code deploy/local/nginx.conf.template} + {@code deploy/nginx/agora-locations.conf}): node "a" is this test's
 * own app, node "b" a second JVM ({@link AppNode}), both on the test's PostgreSQL; the browser only ever talks
 * to nginx. A browser is put on a node by a session cookie ending in ".a" or ".b" (the node makes a new session
 * there, with the same suffix), exactly how nginx keeps a member on their node. Runs in {@code ./mvnw verify}
 * when nginx is installed ({@code .ci/run} installs it).
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest extends BrowserTest {
    private static AppNode nodeB;
    private static Process nginx;
    private static int nginxPort;

    @Autowired EmbeddedPostgres postgres;
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired TestPolls testPolls;
    @Autowired ApiTokenService tokens;
    @Autowired MeterRegistry meters;
    @Value("${agora.security.totp-key}") String totpKey;

    private final HttpClient http = HttpClient.newHttpClient();

    static Optional<Path> nginxBinary() {
        return List.of("/usr/sbin/nginx", "/usr/bin/nginx").stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @BeforeAll
    static void needsNginx() {
        Assumptions.assumeTrue(nginxBinary().isPresent(), "nginx is not installed (apt-get install -y nginx)");
    }

    /** Node b and nginx, started once for the class. */
    private void cluster() throws Exception {
        if (nodeB == null) {
            nodeB = AppNode.start(postgres.getJdbcUrl("postgres", "postgres"), totpKey, "b");
        }
        if (nginx == null) {
            Path prefix = Path.of("target/cluster-test/nginx").toAbsolutePath();
            Files.createDirectories(prefix.resolve("tmp"));
            nginxPort = AppNode.freePort();
            String conf = Files.readString(Path.of("deploy/local/nginx.conf.template"))
                    .replace("@PREFIX@", prefix.toString())
                    .replace("@PORT@", Integer.toString(nginxPort))
                    .replace("@NODE_A@", Integer.toString(port))
                    .replace("@NODE_B@", Integer.toString(nodeB.port))
                    .replace("@LOCATIONS@", Path.of("deploy/nginx/agora-locations.conf").toAbsolutePath().toString());
            Path confFile = prefix.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            nginx = new ProcessBuilder(nginxBinary().orElseThrow().toString(), "-p", prefix.toString(),
                    "-e", prefix.resolve("error.log").toString(), "-c", confFile.toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
            Awaitility.await("nginx answering (see target/cluster-test/nginx)").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).failFast("nginx exited", () -> !nginx.isAlive())
                    .ignoreExceptions()
                    .until(() -> get(url("/api/v1/polls?limit=1")).statusCode() == 200);
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM: nginx's fast shutdown
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor();
            }
            nginx = null;
        }
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    /** Every page of this test goes through nginx. */
    @Override
    protected String url(String path) {
        return "http://127.0.0.1:" + nginxPort + path;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser context whose requests nginx sends to node {@code route}. */
    private BrowserContext onNode(BrowserContext context, String route) {
        context.addCookies(List.of(new Cookie("JSESSIONID", "new." + route).setUrl(url("/"))));
        return context;
    }

    private static String cookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst().orElse("");
    }

    private long topic() {
        var starter = testAccounts.member();
        testAccounts.signIn(starter);
        try {
            return debates.startTopic("Cluster " + UUID.randomUUID() + "?", 3, List.of(), Stance.NEUTRAL, "Opening", null).id();
        } finally {
            TestAccounts.signOut();
        }
    }

    private void post(String text) {
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Pro — yes, for").setExact(true)).check();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Your argument (Markdown)").setExact(true))
                .fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post").setExact(true)).click();
    }

    @Test
    @Order(1)
    void a_member_posts_on_node_a_and_a_reader_on_node_b_sees_it_live_through_nginx() throws Exception {
        cluster();
        long topic = topic();
        var readerContext = onNode(newContext(), "b");
        var reader = readerContext.newPage();
        reader.navigate(url("/threads/" + topic));
        reader.locator("h1").first().waitFor();
        assertThat(cookie(readerContext)).as("the reader's session is on node b").endsWith(".b");

        onNode(context, "a");
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        assertThat(sessionCookie()).as("the member's session, renewed at login, stays on node a").endsWith(".a");
        open("/threads/" + topic);
        post("Posted on node A through nginx");

        assertThat(reader.locator(".agora-post", new Page.LocatorOptions().setHasText("Posted on node A through nginx")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        // node a holds the member's UI, and its push channel (a websocket through nginx) is connected
        assertThat(meters.get("agora.ui.active").gauge().value()).isGreaterThanOrEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("agora.push.connections").gauge().value() >= 1);
        readerContext.close();
    }

    @Test
    @Order(2)
    void a_vote_through_the_api_on_node_a_reaches_a_reader_on_node_b() throws Exception {
        cluster();
        var poll = testPolls.single("Yes", "No");
        var readerContext = onNode(newContext(), "b");
        var reader = readerContext.newPage();
        reader.navigate(url("/polls/" + poll.id()));
        reader.locator("h1").first().waitFor();
        assertThat(cookie(readerContext)).endsWith(".b");

        var voter = testAccounts.member();
        testAccounts.signIn(voter);
        String token;
        try {
            token = tokens.create("cluster voter", ApiScope.WRITE).secret();
        } finally {
            TestAccounts.signOut();
        }
        var vote = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/polls/" + poll.id() + "/ballot"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"options\": [" + poll.options().get(0).id() + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);

        assertThat(reader.locator(".agora-poll-summary")).containsText("1 vote",
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        var onB = get("http://localhost:" + nodeB.port + "/api/v1/polls/" + poll.id());
        assertThat(onB.body()).as("node b's API counts the ballot cast on node a").contains("\"voters\":1");
        readerContext.close();
    }

    @Test
    @Order(2)
    void a_readers_anonymous_ballot_on_node_a_reaches_a_widgets_event_stream_on_node_b() throws Exception {
        cluster();
        var poll = testPolls.single("Node A", "Node B");
        testPolls.embed(poll.id(), true, List.of(), true, false);
        var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
        var stream = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + nodeB.port + "/api/v1/polls/"
                + poll.id() + "/events")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        var listener = java.util.concurrent.Executors.newSingleThreadExecutor();
        listener.submit(() -> stream.body().filter(l -> l.startsWith("data:")).forEach(lines::add));
        try {
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            String onA = "http://localhost:" + port + "/api/v1/polls/" + poll.id();
            var token = json.readTree(http.send(HttpRequest.newBuilder(URI.create(onA + "/voter-token"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("token").asString();
            var vote = http.send(HttpRequest.newBuilder(URI.create(onA + "/ballots")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\",\"options\":["
                            + poll.options().getFirst().id() + "]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(vote.statusCode()).as(vote.body()).isEqualTo(201);
            String data = lines.poll(20, TimeUnit.SECONDS);
            assertThat(data).as("node b's stream heard node a's ballot").isNotNull();
            assertThat(json.readTree(data.substring(5)).get("readers").get("voters").asLong()).isEqualTo(1);
        } finally {
            listener.shutdownNow();
            stream.body().close();
        }
    }

    @Test
    @Order(3)
    void when_node_b_dies_node_a_users_keep_working_and_node_b_readers_move_to_node_a() throws Exception {
        cluster();
        long topic = topic();
        var readerContext = onNode(newContext(), "b");
        var reader = readerContext.newPage();
        reader.navigate(url("/threads/" + topic));
        reader.locator("h1").first().waitFor();
        onNode(context, "a");
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/threads/" + topic);

        nodeB.kill();

        post("Still here after node B died");
        assertThat(page.locator(".agora-post", new Page.LocatorOptions().setHasText("Still here after node B died")))
                .isVisible();
        assertThat(sessionCookie()).endsWith(".a");

        // the reader's next page load goes to node a (node b's backup in nginx), in a new session there
        reader.reload();
        assertThat(reader.locator(".agora-post", new Page.LocatorOptions().setHasText("Still here after node B died")))
                .isVisible();
        assertThat(cookie(readerContext)).as("moved to node a").endsWith(".a");
        assertThat(get(url("/api/v1/threads/" + topic)).statusCode()).as("the API through nginx").isEqualTo(200);
        readerContext.close();
    }
}
