package org.agora.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Overload on the JSON API over real HTTP: writes above the per-client rate get 429, above the node's rate 503,
 * both with Retry-After, before any token is looked up (these tokens are not even valid: admitted ones get 401).
 * The limits are lowered at runtime for the test and put back after it.
 */
@IntegrationTest
class ApiWriteLimiterTest {
    @LocalServerPort int port;
    @Autowired ApiWriteLimiter limiter;
    @Value("${agora.api.writes-per-second}") int perNode;
    @Value("${agora.api.writes-per-client-per-second}") int perClient;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void restoreLimits() {
        limiter.configure(perNode, perClient);
    }

    private List<HttpResponse<String>> flood(int requests, Supplier<String> token) throws Exception {
        var responses = new ArrayList<HttpResponse<String>>();
        for (int i = 0; i < requests; i++) {
            responses.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/polls/1/ballot"))
                    .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"options\": [1]}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return responses;
    }

    @Test
    void a_client_writing_faster_than_its_rate_gets_429_with_retry_after_and_others_still_get_through() throws Exception {
        limiter.configure(0, 2); // 2 a second, bursts of 4
        var flooded = flood(30, () -> "agora_flooding-client");
        var refused = flooded.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).isNotEmpty();
        assertThat(flooded.getFirst().statusCode()).as("admitted, then refused by the token check").isEqualTo(401);
        var first = refused.getFirst();
        assertThat(first.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 2L));
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(first.body()).contains("\"code\":\"api.rateLimited\"");

        assertThat(flood(1, () -> "agora_another-client").getFirst().statusCode())
                .as("another client is not limited").isEqualTo(401);
        var read = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/polls/1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as("reads are never limited here").isEqualTo(200);
    }

    @Test
    void writes_above_the_nodes_rate_get_503_with_retry_after() throws Exception {
        limiter.configure(5, 0); // 5 a second for everyone together, no per-client limit
        int[] n = {0};
        var flooded = flood(40, () -> "agora_client-" + n[0]++);
        var refused = flooded.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(refused).isNotEmpty();
        assertThat(refused.getFirst().headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.getFirst().body()).contains("\"code\":\"api.overloaded\"");
    }

    @Test
    void a_refused_write_is_counted_as_a_rate_limit_rejection() {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var counted = new ApiWriteLimiter(0, 1, new org.agora.shared.metrics.AgoraMeters(meters));
        for (int i = 0; i < 5; i++) {
            counted.take("address:192.0.2.1");
        }
        assertThat(meters.get("agora.ratelimit.rejections").tag("limit", "api-write-client").counter().count())
                .isEqualTo(3.0);
    }
}
