package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two app nodes on one database: the test's own app is node A; node B is the same application in a separate
 * JVM (its own Tomcat, Vaadin and event-bus listener) on another port against the same PostgreSQL.
 * A post made on node A appears live to a reader on node B.
 */
class TwoNodesTest extends BrowserTest {
    private static AppNode nodeB;

    @Autowired EmbeddedPostgres postgres;
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @org.springframework.beans.factory.annotation.Value("${agora.security.totp-key}") String totpKey;
    @Autowired org.agora.poll.TestPolls testPolls;

    /**
     * Where nginx is installed (always in CI: .ci/run installs it), {@link ClusterTest} runs these same two cases
     * on its own node b, through nginx: starting a second node B here as well would cost a JVM start for nothing.
     */
    @org.junit.jupiter.api.BeforeAll
    static void onlyWithoutTheCluster() {
        org.junit.jupiter.api.Assumptions.assumeFalse(ClusterTest.nginxBinary().isPresent(),
                "ClusterTest covers two nodes (post seen live, reader's ballot on the other node's stream)");
    }

    /** Node B: the same application in a JVM of its own, on another port, against this test's PostgreSQL. */
    private int startNodeB() throws Exception {
        if (nodeB == null) {
            nodeB = AppNode.start(postgres.getJdbcUrl("postgres", "postgres"), totpKey, "b");
        }
        return nodeB.port;
    }

    @AfterAll
    static void stopNodeB() throws InterruptedException {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void a_post_on_node_a_appears_live_for_a_reader_on_node_b() throws Exception {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var topic = debates.startTopic("Two nodes " + UUID.randomUUID() + "?", 3, List.of(), Stance.NEUTRAL, "Opening", null);
        TestAccounts.signOut();
        int port = startNodeB();

        // a reader on node B
        var readerContext = newContext();
        var reader = readerContext.newPage();
        reader.navigate("http://localhost:" + port + "/threads/" + topic.id());
        reader.locator("h1").first().waitFor();

        // a member on node A (this test's app)
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/threads/" + topic.id());
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Pro — yes, for").setExact(true)).check();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Your argument (Markdown)").setExact(true))
                .fill("Posted on node A");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post").setExact(true)).click();

        assertThat(reader.locator(".agora-post", new Page.LocatorOptions().setHasText("Posted on node A")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        readerContext.close();
    }

    @Test
    void a_readers_vote_on_node_a_reaches_a_widgets_event_stream_on_node_b() throws Exception {
        int b = startNodeB();
        var poll = testPolls.single("Node A", "Node B");
        testPolls.embed(poll.id(), true, List.of(), true, false);
        var http = java.net.http.HttpClient.newHttpClient();
        var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
        var stream = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + b + "/api/v1/polls/" + poll.id() + "/events")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        org.assertj.core.api.Assertions.assertThat(stream.statusCode()).isEqualTo(200);
        var reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        reader.submit(() -> stream.body().filter(l -> l.startsWith("data:")).forEach(lines::add));
        try {
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            var token = json.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(
                            "/api/v1/polls/" + poll.id() + "/voter-token"))).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("token").asString();
            var vote = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/polls/" + poll.id() + "/ballots")))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\",\"options\":["
                            + poll.options().getFirst().id() + "]}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(vote.statusCode()).as(vote.body()).isEqualTo(201);
            String data = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            org.assertj.core.api.Assertions.assertThat(data).as("node B's stream heard node A's ballot").isNotNull();
            org.assertj.core.api.Assertions.assertThat(json.readTree(data.substring(5)).get("readers").get("voters").asLong()).isEqualTo(1);
        } finally {
            reader.shutdownNow();
            stream.body().close();
        }
    }
}
