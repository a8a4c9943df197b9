package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.agora.account.ApiScope;
import org.agora.account.ApiTokenService;
import org.agora.account.TestAccounts;
import org.agora.poll.Ballot;
import org.agora.poll.PollService;
import org.agora.poll.TestPolls;
import org.agora.shared.api.ApiWriteLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Overload: eight bots flood the ballot API far past the node's write limits while a member keeps voting in a
 * browser. The flood is refused early (429 per client, 503 for the node, each with Retry-After) instead of
 * queueing, and every vote the member makes through the UI lands; the UI votes' round trips are reported.
 */
class OverloadTest extends BrowserTest {
    @Autowired ApiWriteLimiter limiter;
    @Autowired TestAccounts testAccounts;
    @Autowired TestPolls testPolls;
    @Autowired ApiTokenService tokens;
    @Autowired PollService polls;
    @Value("${agora.api.writes-per-second}") int perNode;
    @Value("${agora.api.writes-per-client-per-second}") int perClient;

    @AfterEach
    void restoreLimits() {
        limiter.configure(perNode, perClient);
    }

    @Test
    void a_flood_of_api_ballots_is_refused_with_retry_after_while_a_member_keeps_voting_in_the_browser() throws Exception {
        var poll = testPolls.single("Yes", "No");
        var botTokens = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            testAccounts.signIn(testAccounts.member());
            try {
                botTokens.add(tokens.create("flood", ApiScope.WRITE).secret());
            } finally {
                TestAccounts.signOut();
            }
        }
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/polls/" + poll.id());

        limiter.configure(40, 5); // the node takes 40 API writes a second, a client 5 (bursts of 10)
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var withoutRetryAfter = new AtomicInteger();
        var stop = new AtomicBoolean();
        var http = HttpClient.newHttpClient();
        var flood = Executors.newVirtualThreadPerTaskExecutor();
        for (String token : botTokens) {
            flood.submit(() -> {
                for (int i = 0; i < 5_000 && !stop.get(); i++) {
                    long option = poll.options().get(i % 2).id();
                    var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/polls/"
                                    + poll.id() + "/ballot")).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"options\": [" + option + "]}")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() >= 429 && response.headers().firstValue("Retry-After").isEmpty()) {
                        withoutRetryAfter.incrementAndGet();
                    }
                }
                return null;
            });
        }

        // the member votes while the node is saturated: first wait until the flood is being refused
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> statuses.containsKey(429) || statuses.containsKey(503));
        var millis = new ArrayList<Long>();
        String[] choices = {"Yes", "No", "Yes", "No", "Yes", "No"}; // "Vote", then "Change my vote"
        try {
            for (String choice : choices) {
                page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(choice).setExact(true)).check();
                long start = System.nanoTime();
                // the click's own round trip (it redraws the form): the next choice is made on the redrawn form, as a
                // member who waits for "Thanks for voting" makes it
                page.waitForResponse(r -> r.url().contains("v-r=uidl") && r.status() == 200
                        && java.util.Objects.requireNonNullElse(r.request().postData(), "").contains("\"event\":\"click\""), () ->
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                                .setName(java.util.regex.Pattern.compile("^(Vote|Change my vote)$"))).click());
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            stop.set(true);
            flood.shutdown();
            flood.close();
        }

        testAccounts.signIn(member);
        try {
            // the last click's round trip may still be on its way (the response waited for above can be the radio
            // change's): the vote must land, within seconds, not necessarily by the time the loop ends
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).pollInSameThread()
                    .untilAsserted(() -> assertThat(polls.myBallot(poll.id()))
                            .as("the member's last vote in the browser counts")
                            .contains(Ballot.ofOptions(List.of(poll.options().get(1).id()))));
        } finally {
            TestAccounts.signOut();
        }
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        statuses.forEach((s, n) -> counts.put(s, n.get()));
        millis.sort(null);
        LoggerFactory.getLogger(OverloadTest.class).info(
                "overload: API flood answered {}; UI vote round trips (ms) {}, p50 {}, p99 {}", counts, millis,
                millis.get(millis.size() / 2), millis.getLast());
        assertThat(counts).as("the flood was refused early").containsKey(429);
        assertThat(counts.keySet()).as("only accepted (200), throttled (429) or shed (503); never a 500")
                .isSubsetOf(200, 429, 503);
        assertThat(counts.getOrDefault(200, 0)).as("some of the flood got through").isPositive();
        assertThat(withoutRetryAfter).hasValue(0);
        assertThat(millis.getLast()).as("p99 of the member's votes in the browser, ms").isLessThan(10_000);
    }
}
