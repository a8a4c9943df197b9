package org.agora.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.account.ApiScope;
import org.agora.account.ApiTokenService;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.poll.Ballot;
import org.agora.poll.PollService;
import org.agora.poll.TestPolls;
import org.agora.shared.events.EventBus;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health and Prometheus metrics over real HTTP: who may read them, and that Agora's own meters move. */
@IntegrationTest
class MetricsEndpointTest {
    static final String SCRAPE_TOKEN = "test-scrape-token"; // application-test.properties

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired ApiTokenService tokens;
    @Autowired TestPolls testPolls;
    @Autowired PollService polls;
    @Autowired DebateService debates;
    @Autowired EventBus bus;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws Exception {
        var response = get("/actuator/prometheus", SCRAPE_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of one sample line, e.g. {@code agora_ballots_total} or {@code agora_ratelimit_rejections_total{limit="x"}}. */
    private static double sample(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? ([0-9.eE+-]+)$").matcher(scrape);
        double sum = 0;
        while (m.find()) {
            if (labels == null || (m.group(1) != null && m.group(1).contains(labels))) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void health_is_public_and_checks_the_database() throws Exception {
        var health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");
        var readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"");
        assertThat(health.headers().allValues("Set-Cookie")).as("a probe makes no session").isEmpty();
    }

    @Test
    void a_reader_or_a_member_token_cannot_read_the_metrics() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "not-the-scrape-token").statusCode()).isEqualTo(401);
        testAccounts.signIn(testAccounts.member());
        String memberToken;
        try {
            memberToken = tokens.create("metrics?", ApiScope.WRITE).secret();
        } finally {
            TestAccounts.signOut();
        }
        assertThat(get("/actuator/prometheus", memberToken).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", null).statusCode()).isIn(401, 404);
    }

    @Test
    void the_scrape_token_reads_agoras_meters_and_they_move() throws Exception {
        String before = scrape();
        assertThat(before).contains("agora_ballots_total").contains("agora_posts_total").contains("agora_ui_active")
                .contains("agora_push_connections").contains("agora_events_lag_seconds").contains("hikaricp_connections");

        var member = testAccounts.member();
        testAccounts.signIn(member);
        try {
            var poll = testPolls.single("Yes", "No");
            polls.vote(poll.id(), Ballot.ofOptions(List.of(poll.options().get(0).id())));
            polls.vote(poll.id(), Ballot.ofOptions(List.of(poll.options().get(1).id())));
            debates.startTopic("Metrics " + UUID.randomUUID() + "?", 3, List.of(), Stance.NEUTRAL, "Counting posts", null);
        } finally {
            TestAccounts.signOut();
        }
        long heardBefore = bus.received();
        bus.publish("test.metrics", "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.received() > heardBefore);

        String after = scrape();
        assertThat(sample(after, "agora_ballots_total", null) - sample(before, "agora_ballots_total", null))
                .as("a first ballot and a change").isEqualTo(2.0);
        assertThat(sample(after, "agora_posts_total", null) - sample(before, "agora_posts_total", null)).isEqualTo(1.0);
        assertThat(sample(after, "agora_events_lag_seconds_count", null))
                .isGreaterThan(sample(before, "agora_events_lag_seconds_count", null));
    }
}
