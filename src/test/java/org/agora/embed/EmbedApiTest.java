package org.agora.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agora.poll.Poll;
import org.agora.poll.PollEmbedding;
import org.agora.poll.PollKind;
import org.agora.poll.PollService;
import org.agora.poll.TestPolls;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The widget's API as a browser on another site calls it: real HTTP against the running app, no mocks. */
@IntegrationTest
class EmbedApiTest {
    static final String ALLOWED = "https://allowed.example";
    static final String OTHER = "https://evil.example";

    @LocalServerPort int port;
    @Autowired TestPolls testPolls;
    @Autowired PollEmbedding embedding;
    @Autowired PollService polls;
    @Autowired VoterTokens tokens;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private Poll embeddedPoll() {
        Poll poll = testPolls.single("Yes", "No", "Unsure");
        testPolls.embed(poll.id(), false, List.of(ALLOWED), true, false);
        return poll;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // never a session; the only cookie is a reader's voter token, scoped to its poll's API and partitioned
        assertThat(response.headers().allValues("Set-Cookie")).as("no session cookie: " + request.build().uri())
                .allSatisfy(c -> assertThat(c).startsWith("agora_voter_").doesNotContainIgnoringCase("JSESSIONID")
                        .contains("Secure").contains("HttpOnly").contains("SameSite=None").contains("Partitioned"));
        assertThat(response.body()).as("never a stack trace").doesNotContain("Exception").doesNotContain("at org.");
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
    }

    private String token(long pollId) throws Exception {
        var response = send(request("/api/v1/polls/" + pollId + "/voter-token").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("token").asString();
    }

    private HttpResponse<String> ballot(long pollId, String token, long option) throws Exception {
        String body = token == null ? "{\"options\": [" + option + "]}"
                : "{\"token\": \"" + token + "\", \"options\": [" + option + "]}";
        return send(request("/api/v1/polls/" + pollId + "/ballots").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode node = json.readTree(response.body());
        assertThat(node.get("code").asString()).isEqualTo(code);
        assertThat(node.get("detail").asString()).isNotBlank();
        return node;
    }

    private long readers(long pollId) {
        return embedding.readerTally(pollId).voters();
    }

    @Test
    void a_reader_votes_with_a_token_and_is_counted_apart_from_members() throws Exception {
        Poll poll = embeddedPoll();
        long yes = poll.options().getFirst().id();
        var response = ballot(poll.id(), token(poll.id()), yes);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("voted").asBoolean()).isTrue();
        assertThat(body.get("readers").get("voters").asLong()).isEqualTo(1);
        assertThat(body.get("readers").get("counts").get(String.valueOf(yes)).asLong()).isEqualTo(1);
        assertThat(body.get("members").get("voters").asLong()).isZero();
        assertThat(polls.results(poll.id()).orElseThrow().voters()).isZero();
        assertThat(embedding.reconcile(poll.id())).isTrue();
    }

    @Test
    void a_ballot_without_a_token_is_refused_with_a_problem() throws Exception {
        Poll poll = embeddedPoll();
        problem(ballot(poll.id(), null, poll.options().getFirst().id()), 401, "embed.tokenRequired");
        problem(send(request("/api/v1/polls/" + poll.id() + "/ballots").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))), 400, "api.invalidJson");
    }

    @Test
    void a_token_votes_once_and_a_replay_is_refused() throws Exception {
        Poll poll = embeddedPoll();
        String token = token(poll.id());
        assertThat(ballot(poll.id(), token, poll.options().getFirst().id()).statusCode()).isEqualTo(201);
        problem(ballot(poll.id(), token, poll.options().get(1).id()), 409, "embed.alreadyVoted");
        assertThat(readers(poll.id())).isEqualTo(1);
        assertThat(embedding.reconcile(poll.id())).isTrue();
    }

    @Test
    void forged_expired_and_other_polls_tokens_are_refused() throws Exception {
        Poll poll = embeddedPoll();
        Poll other = embeddedPoll();
        long option = poll.options().getFirst().id();
        problem(ballot(poll.id(), token(other.id()), option), 401, "embed.tokenInvalid");
        var forger = new VoterTokens("not the server's secret, 32 bytes".getBytes(StandardCharsets.US_ASCII), Clock.systemUTC());
        problem(ballot(poll.id(), forger.issue(poll.id()).token(), option), 401, "embed.tokenInvalid");
        var longAgo = tokens.withClock(Clock.fixed(Instant.now().minus(VoterTokens.LIFETIME).minusSeconds(5), ZoneOffset.UTC));
        problem(ballot(poll.id(), longAgo.issue(poll.id()).token(), option), 401, "embed.tokenInvalid");
        problem(ballot(poll.id(), "v1.AAAA.BBBB", option), 401, "embed.tokenInvalid");
        assertThat(readers(poll.id())).isZero();
        // the same secret and a fresh clock: good
        var fresh = tokens.withClock(Clock.systemUTC());
        assertThat(ballot(poll.id(), fresh.issue(poll.id()).token(), option).statusCode()).isEqualTo(201);
    }

    @Test
    void two_concurrent_ballots_with_one_token_count_once() throws Exception {
        Poll poll = embeddedPoll();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 8; round++) {
                String token = token(poll.id());
                var start = new CountDownLatch(1);
                var futures = new ArrayList<CompletableFuture<Integer>>();
                for (int i = 0; i < 2; i++) {
                    long option = poll.options().get(i).id();
                    futures.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                            return ballot(poll.id(), token, option).statusCode();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool));
                }
                start.countDown();
                var statuses = futures.stream().map(CompletableFuture::join).sorted().toList();
                assertThat(statuses).containsExactly(201, 409);
            }
        }
        assertThat(readers(poll.id())).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from poll_reader_ballot where poll_id = :p").param("p", poll.id())
                .query(Long.class).single()).isEqualTo(8);
        assertThat(embedding.reconcile(poll.id())).isTrue();
    }

    @Test
    void too_many_ballots_on_one_poll_get_429_with_retry_after() throws Exception {
        Poll poll = embeddedPoll();
        long option = poll.options().getFirst().id();
        HttpResponse<String> last = null;
        int counted = 0;
        for (int i = 0; i < 80 && (last == null || last.statusCode() == 201); i++) {
            last = ballot(poll.id(), token(poll.id()), option);
            counted += last.statusCode() == 201 ? 1 : 0;
        }
        problem(last, 429, "embed.tooFast");
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        // 40 a minute in tests, refilled greedily (one every 1.5 s) while the loop runs
        assertThat(counted).isBetween(40, 45);
        assertThat(readers(poll.id())).isEqualTo(counted);
    }

    @Test
    void closed_draft_unknown_and_non_embeddable_polls_take_no_reader_ballots() throws Exception {
        Poll closed = testPolls.create(PollKind.SINGLE, "CLOSED", "ALWAYS", 1, 1, List.of("A", "B"));
        testPolls.embed(closed.id(), true, List.of(), true, false);
        problem(send(request("/api/v1/polls/" + closed.id() + "/voter-token").POST(HttpRequest.BodyPublishers.noBody())), 409, "poll.closed");
        assertThat(json.readTree(send(request("/api/v1/polls/" + closed.id() + "/widget")).body()).get("status").asString()).isEqualTo("CLOSED");
        Poll draft = testPolls.create(PollKind.SINGLE, "DRAFT", "ALWAYS", 1, 1, List.of("A", "B"));
        testPolls.embed(draft.id(), true, List.of(), true, false);
        problem(send(request("/api/v1/polls/" + draft.id() + "/widget")), 404, "poll.notFound");
        problem(send(request("/api/v1/polls/999999999/widget")), 404, "poll.notFound");
        Poll plain = testPolls.single("A", "B");
        problem(send(request("/api/v1/polls/" + plain.id() + "/widget")), 404, "embed.off");
        problem(send(request("/api/v1/polls/" + plain.id() + "/voter-token").POST(HttpRequest.BodyPublishers.noBody())), 404, "embed.off");
        Poll membersOnly = testPolls.single("A", "B");
        testPolls.embed(membersOnly.id(), true, List.of(), false, false);
        problem(send(request("/api/v1/polls/" + membersOnly.id() + "/voter-token").POST(HttpRequest.BodyPublishers.noBody())), 409, "embed.anonymousOff");
    }

    @Test
    void results_only_after_voting_hides_them_until_the_reader_voted() throws Exception {
        Poll poll = testPolls.single("A", "B");
        testPolls.embed(poll.id(), true, List.of(), true, true);
        JsonNode before = json.readTree(send(request("/api/v1/polls/" + poll.id() + "/widget")).body());
        assertThat(before.get("members").isNull()).isTrue();
        assertThat(before.get("resultsHidden").asString()).isEqualTo("poll.resultsHidden.afterVoting");
        String token = token(poll.id());
        assertThat(ballot(poll.id(), token, poll.options().getFirst().id()).statusCode()).isEqualTo(201);
        JsonNode after = json.readTree(send(request("/api/v1/polls/" + poll.id() + "/widget")
                .header(EmbedApi.TOKEN_HEADER, token)).body());
        assertThat(after.get("voted").asBoolean()).isTrue();
        assertThat(after.get("readers").get("voters").asLong()).isEqualTo(1);
    }

    @Test
    void nothing_under_the_api_embed_widget_and_oembed_sets_a_cookie() throws Exception {
        Poll poll = embeddedPoll();
        String token = token(poll.id());
        ballot(poll.id(), token, poll.options().getFirst().id());
        for (String path : List.of("/api/v1/polls/" + poll.id() + "/widget", "/api/v1/polls/" + poll.id(), "/api/v1/polls",
                "/embed/poll/" + poll.id(), "/embed/poll/999999999", "/widget/agora-poll.js",
                "/oembed?url=" + URLEncoder.encode("http://agora.test/polls/" + poll.id(), StandardCharsets.UTF_8),
                "/api/v1/polls/999999999/widget")) {
            var response = send(request(path).header("Origin", ALLOWED));
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        // a request that carries a session cookie from elsewhere is not given one either
        var response = send(request("/embed/poll/" + poll.id()).header("Cookie", "JSESSIONID=made-up"));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void the_voter_token_is_also_kept_in_a_partitioned_cookie_that_stands_in_for_a_lost_copy() throws Exception {
        Poll poll = embeddedPoll();
        Poll other = embeddedPoll();
        var issued = send(request("/api/v1/polls/" + poll.id() + "/voter-token").header("Origin", ALLOWED)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = json.readTree(issued.body()).get("token").asString();
        String setCookie = issued.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("agora_voter_" + poll.id() + "=" + token + ";")
                .contains("Path=/api/v1/polls/" + poll.id() + "/").contains("Max-Age=").contains("Secure")
                .contains("HttpOnly").contains("SameSite=None").contains("Partitioned");
        String cookie = "agora_voter_" + poll.id() + "=" + token;

        // the widget lost its copy: the cookie tells the API who this reader is
        assertThat(json.readTree(send(request("/api/v1/polls/" + poll.id() + "/widget").header("Cookie", cookie)).body())
                .get("voted").asBoolean()).isFalse();
        var again = send(request("/api/v1/polls/" + poll.id() + "/voter-token").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(again.statusCode()).as("the kept token, not a second one").isEqualTo(200);
        assertThat(json.readTree(again.body()).get("token").asString()).isEqualTo(token);
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();

        var vote = send(request("/api/v1/polls/" + poll.id() + "/ballots").header("Content-Type", "application/json")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"options\": [" + poll.options().getFirst().id() + "]}")));
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(201);
        assertThat(json.readTree(send(request("/api/v1/polls/" + poll.id() + "/widget").header("Cookie", cookie)).body())
                .get("voted").asBoolean()).isTrue();
        problem(send(request("/api/v1/polls/" + poll.id() + "/ballots").header("Content-Type", "application/json")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"options\": [" + poll.options().get(1).id() + "]}"))), 409, "embed.alreadyVoted");
        assertThat(readers(poll.id())).isEqualTo(1);

        // a cookie only ever speaks for its own poll: this token under the other poll's name is refused
        problem(send(request("/api/v1/polls/" + other.id() + "/ballots").header("Content-Type", "application/json")
                .header("Cookie", "agora_voter_" + other.id() + "=" + token).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"options\": [" + other.options().getFirst().id() + "]}"))), 401, "embed.tokenInvalid");
        assertThat(readers(other.id())).isZero();
        assertThat(embedding.reconcile(poll.id())).isTrue();
    }

    @Test
    void cors_answers_only_the_polls_allowed_origins() throws Exception {
        Poll poll = embeddedPoll();
        String path = "/api/v1/polls/" + poll.id() + "/ballots";
        var allowed = send(request(path).header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).as("for the voter cookie").contains("true");
        var refused = send(request(path).header("Origin", OTHER).header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        var get = send(request("/api/v1/polls/" + poll.id() + "/widget").header("Origin", OTHER));
        assertThat(get.statusCode()).isEqualTo(403);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        var ok = send(request("/api/v1/polls/" + poll.id() + "/widget").header("Origin", ALLOWED));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
        var script = send(request("/widget/agora-poll.js").header("Origin", OTHER));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(script.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age="));
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("text/javascript"));
    }

    @Test
    void only_the_embed_page_of_an_embeddable_poll_may_be_framed_and_only_by_its_origins() throws Exception {
        Poll poll = embeddedPoll();
        var page = send(request("/embed/poll/" + poll.id()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<agora-poll poll=\"" + poll.id() + "\"").contains("/widget/agora-poll.js");
        assertThat(csp(page)).contains("frame-ancestors 'self' " + ALLOWED);
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        Poll any = testPolls.single("A", "B");
        testPolls.embed(any.id(), true, List.of(), false, false);
        assertThat(csp(send(request("/embed/poll/" + any.id())))).contains("frame-ancestors *");
        var off = send(request("/embed/poll/" + testPolls.single("A", "B").id()));
        assertThat(off.statusCode()).isEqualTo(404);
        assertThat(csp(off)).contains("frame-ancestors 'none'");
        for (String other : List.of("/api/v1/polls/" + poll.id() + "/widget", "/widget/agora-poll.js", "/api/v1/polls",
                "/oembed?url=x", "/feeds/threads.atom", "/login")) {
            // (Vaadin's pages may start a session: only the framing header is checked here)
            assertThat(csp(http.send(request(other).build(), HttpResponse.BodyHandlers.ofString()))).as(other)
                    .contains("frame-ancestors 'none'");
        }
    }

    private static String csp(HttpResponse<String> response) {
        return String.join(" | ", response.headers().allValues("Content-Security-Policy"));
    }

    @Test
    void oembed_answers_a_rich_iframe_for_embeddable_polls_only() throws Exception {
        Poll poll = embeddedPoll();
        var ok = send(request("/oembed?format=json&url=" + URLEncoder.encode("http://agora.test/polls/" + poll.id(), StandardCharsets.UTF_8)));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode body = json.readTree(ok.body());
        assertThat(body.get("type").asString()).isEqualTo("rich");
        assertThat(body.get("version").asString()).isEqualTo("1.0");
        assertThat(body.get("html").asString()).contains("<iframe src=\"http://agora.test/embed/poll/" + poll.id() + "\"");
        assertThat(body.get("width").asInt()).isPositive();
        assertThat(send(request("/oembed?format=xml&url=" + URLEncoder.encode("http://agora.test/polls/" + poll.id(), StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(501);
        for (String url : List.of("http://agora.test/polls/999999999", "http://elsewhere.test/polls/" + poll.id(),
                "http://agora.test/threads/1", "not a url", "http://agora.test/polls/" + testPolls.single("A", "B").id())) {
            assertThat(send(request("/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8))).statusCode()).as(url).isEqualTo(404);
        }
    }

    @Test
    void a_vote_reaches_open_event_streams_as_a_new_tally() throws Exception {
        Poll poll = embeddedPoll();
        var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
        var stream = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/polls/" + poll.id() + "/events"))
                .header("Accept", "text/event-stream").header("Origin", ALLOWED).build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
        var reader = Executors.newSingleThreadExecutor();
        reader.submit(() -> response.body().forEach(lines::add));
        try {
            String first = null;
            while (first == null || !first.startsWith(":")) {
                first = lines.poll(10, TimeUnit.SECONDS);
                assertThat(first).as("the stream opens with a comment").isNotNull();
            }
            assertThat(ballot(poll.id(), token(poll.id()), poll.options().getFirst().id()).statusCode()).isEqualTo(201);
            String data = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (data == null && System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith("data:")) {
                    data = line.substring(5);
                }
            }
            assertThat(data).as("a tally event").isNotNull();
            JsonNode tally = json.readTree(data);
            assertThat(tally.get("readers").get("voters").asLong()).isEqualTo(1);
            assertThat(tally.get("members").get("voters").asLong()).isZero();
        } finally {
            reader.shutdownNow();
            response.body().close();
        }
    }

    @Test
    void a_burst_of_votes_reaches_a_stream_as_at_most_four_tallies_a_second() throws Exception {
        Poll poll = embeddedPoll();
        var events = new java.util.concurrent.LinkedBlockingQueue<String>();
        HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/polls/" + poll.id() + "/events")).build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        var reader = Executors.newSingleThreadExecutor();
        reader.submit(() -> response.body().filter(l -> l.startsWith("data:")).forEach(events::add));
        try {
            int votes = 30;
            long start = System.nanoTime();
            for (int i = 0; i < votes; i++) {
                assertThat(ballot(poll.id(), token(poll.id()), poll.options().get(i % 3).id()).statusCode()).isEqualTo(201);
            }
            int received = 0;
            long last = 0;
            while (last < votes) {
                String data = events.poll(15, TimeUnit.SECONDS);
                assertThat(data).as("tallies keep coming until all " + votes + " ballots are in").isNotNull();
                received++;
                last = json.readTree(data.substring(5)).get("readers").get("voters").asLong();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(received).as(received + " events in %.2f s", seconds).isLessThanOrEqualTo((int) Math.ceil(seconds * 4) + 1);
        } finally {
            reader.shutdownNow();
            response.body().close();
        }
    }

    @Test
    void the_openapi_document_lists_the_widget_operations() throws Exception {
        JsonNode paths = json.readTree(send(request("/api/v1/openapi.json")).body()).path("paths");
        assertThat(paths.path("/api/v1/polls/{id}/widget").has("get")).isTrue();
        assertThat(paths.path("/api/v1/polls/{id}/voter-token").has("post")).isTrue();
        assertThat(paths.path("/api/v1/polls/{id}/ballots").path("post").path("responses").has("401")).isTrue();
        assertThat(paths.path("/api/v1/polls/{id}/ballots").path("post").path("responses").has("429")).isTrue();
        assertThat(paths.path("/api/v1/polls/{id}/events").path("get").path("responses").path("200").path("content")
                .has("text/event-stream")).isTrue();
        assertThat(paths.path("/api/v1/polls/{id}/ballot").has("post")).as("members' ballots are still there").isTrue();
    }

    @Test
    void with_arguments_a_thread_poll_shows_the_split_by_side_and_the_top_argument_per_side() throws Exception {
        // the demo database opens the seeded polls to any origin; poll 1 asks thread 1's question
        JsonNode poll = json.readTree(send(request("/api/v1/polls/1/widget?arguments=true")).body());
        assertThat(poll.get("threadUrl").asString()).isEqualTo("http://agora.test/threads/1");
        assertThat(poll.get("stances").isArray()).isTrue();
        JsonNode arguments = poll.get("arguments");
        for (String side : List.of("PRO", "CON")) {
            assertThat(arguments.has(side)).as(side + " in " + arguments).isTrue();
            assertThat(arguments.get(side).get("excerpt").asString()).isNotBlank().doesNotContain("**");
            assertThat(arguments.get(side).get("url").asString()).startsWith("http://agora.test/threads/1#post-");
        }
        JsonNode plain = json.readTree(send(request("/api/v1/polls/1/widget")).body());
        assertThat(plain.get("arguments").isNull()).isTrue();
    }

    /** The bench once found the pool deadlocked: 20 connections held while waiting for a cache load needing a 21st. */
    @Test
    void thirty_readers_voting_at_once_are_all_counted_without_exhausting_the_pool() throws Exception {
        Poll poll = embeddedPoll();
        int readers = 30;
        var tokensFor = new ArrayList<String>();
        for (int i = 0; i < readers; i++) {
            tokensFor.add(tokens.issue(poll.id()).token());
        }
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(readers)) {
            var futures = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < readers; i++) {
                String token = tokensFor.get(i);
                long option = poll.options().get(i % 3).id();
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        var widget = send(request("/api/v1/polls/" + poll.id() + "/widget"));
                        assertThat(widget.statusCode()).isEqualTo(200);
                        return ballot(poll.id(), token, option).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            start.countDown();
            long began = System.nanoTime();
            assertThat(futures.stream().map(CompletableFuture::join).toList()).containsOnly(201);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(25));
        }
        assertThat(readers(poll.id())).isEqualTo(readers);
        assertThat(embedding.reconcile(poll.id())).isTrue();
    }
}
