package org.agora.debate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.agora.account.ApiScope;
import org.agora.account.ApiTokenService;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateException;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API as a bot sees it: real HTTP against the running server, tokens in the Authorization header. */
@IntegrationTest
class ThreadApiTest {
    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired ApiTokenService tokens;
    @Autowired DebateCatalog catalog;
    @Autowired JdbcClient jdbc;
    @Autowired ApiErrors errors;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A new member's token with this scope, created the way a member does on their account page. */
    private String token(ApiScope scope) {
        testAccounts.signIn(testAccounts.member());
        try {
            return tokens.create("test bot", scope).secret();
        } finally {
            TestAccounts.signOut();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie")).as("API responses never set a cookie").isEmpty();
        assertThat(response.body()).as("never a stack trace").doesNotContain("Exception").doesNotContain("at org.");
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        var request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
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

    private String postJson(String stance, String text) {
        return json.writeValueAsString(java.util.Map.of("stance", stance, "body", text));
    }

    /** All posts of a thread, following the cursor. */
    private List<JsonNode> allPosts(long threadId) throws Exception {
        var posts = new ArrayList<JsonNode>();
        String next = null;
        for (int page = 0; page < 100; page++) {
            var response = get("/api/v1/threads/" + threadId + "?limit=100" + (next == null ? "" : "&after=" + next));
            assertThat(response.statusCode()).isEqualTo(200);
            var thread = body(response);
            thread.path("posts").forEach(posts::add);
            next = thread.path("next").isNull() ? null : thread.path("next").asString();
            if (next == null) {
                break;
            }
        }
        return posts;
    }

    @Test
    void threads_list_the_seeded_thread_and_page_with_the_cursor_without_repeats() throws Exception {
        var ids = new ArrayList<Long>();
        var activity = new ArrayList<String>();
        String next = null;
        int pages = 0;
        do {
            var response = get("/api/v1/threads?limit=3" + (next == null ? "" : "&after=" + next));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            var page = body(response);
            assertThat(page.path("items").size()).isBetween(1, 3);
            page.path("items").forEach(item -> {
                ids.add(item.path("id").asLong());
                activity.add(item.path("lastActivityAt").asString());
            });
            next = page.path("next").isNull() ? null : page.path("next").asString();
            pages++;
        } while (next != null && pages < 200);

        long total = jdbc.sql("select count(*) from debate_topic where hidden_at is null").query(Long.class).single();
        assertThat(ids).contains(1L).doesNotHaveDuplicates().hasSize((int) total);
        assertThat(pages).isGreaterThan(1);
        var first = body(get("/api/v1/threads?limit=100"));
        assertThat(first.path("items").get(0).has("url")).isTrue();
        first.path("items").forEach(item -> {
            if (item.path("id").asLong() == 1) {
                assertThat(item.path("title").asString()).isNotBlank();
                assertThat(item.path("category").asString()).matches("[a-z0-9-]+");
                assertThat(item.path("url").asString()).startsWith("http://agora.test/threads/1/");
                assertThat(item.has("pro") && item.has("con") && item.has("neutral") && item.has("replies")).isTrue();
            }
        });
    }

    @Test
    void threads_can_be_filtered_by_category() throws Exception {
        var category = catalog.find(1).orElseThrow().category().slug();
        var page = body(get("/api/v1/threads?limit=100&category=" + category));
        assertThat(page.path("items").size()).isPositive();
        page.path("items").forEach(item -> assertThat(item.path("category").asString()).isEqualTo(category));
        assertProblem(get("/api/v1/threads?category=no-such-category"), 400, "api.unknownCategory");
    }

    @Test
    void bad_cursor_and_limit_are_problems() throws Exception {
        assertProblem(get("/api/v1/threads?after=not-a-cursor"), 400, "api.badCursor");
        assertProblem(get("/api/v1/threads?limit=0"), 400, "api.limitRange");
        assertProblem(get("/api/v1/threads?limit=101"), 400, "api.limitRange");
        assertProblem(get("/api/v1/threads?limit=many"), 400, "api.invalidParameter");
    }

    @Test
    void thread_one_comes_with_its_opening_post() throws Exception {
        var response = get("/api/v1/threads/1");
        assertThat(response.statusCode()).isEqualTo(200);
        var thread = body(response);
        assertThat(thread.path("id").asLong()).isEqualTo(1);
        var opening = thread.path("posts").get(0);
        assertThat(opening.path("author").path("username").asString()).isEqualTo("agora");
        assertThat(opening.path("author").path("displayName").asString()).isEqualTo("Agora");
        assertThat(opening.path("parentId").isNull()).isTrue();
        assertThat(opening.path("stance").asString()).isEqualTo("NEUTRAL");
        assertThat(opening.path("html").asString()).contains("<p>").doesNotContain("<script");
        assertThat(opening.path("deleted").asBoolean()).isFalse();
        assertThat(opening.has("createdAt") && opening.has("editedAt") && opening.has("convincing")).isTrue();
    }

    @Test
    void a_write_token_posts_and_the_post_shows_up_in_the_thread() throws Exception {
        String token = token(ApiScope.WRITE);
        var response = post("/api/v1/threads/1/posts", token, postJson("PRO", "Compute is not **everything** " + UUID.randomUUID()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var created = body(response);
        assertThat(created.path("html").asString()).contains("<strong>everything</strong>");
        assertThat(created.path("stance").asString()).isEqualTo("PRO");
        assertThat(created.path("author").path("username").asString()).startsWith("m_");
        long id = created.path("id").asLong();
        assertThat(allPosts(1)).extracting(p -> p.path("id").asLong()).contains(id).doesNotHaveDuplicates();
    }

    @Test
    void a_reply_names_its_parent_and_relation() throws Exception {
        String token = token(ApiScope.WRITE);
        long parent = body(post("/api/v1/threads/2/posts", token, postJson("CON", "A first point"))).path("id").asLong();
        var response = post("/api/v1/threads/2/posts", token,
                "{\"parentId\": " + parent + ", \"stance\": \"pro\", \"relation\": \"challenges\", \"body\": \"No.\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(body(response).path("parentId").asLong()).isEqualTo(parent);
        assertThat(body(response).path("relation").asString()).isEqualTo("CHALLENGES");
    }

    @Test
    void a_write_token_starts_a_thread() throws Exception {
        String token = token(ApiScope.WRITE);
        String category = catalog.categories().getFirst().slug();
        String title = "Will bots argue better than people by 2030? " + UUID.randomUUID();
        var response = post("/api/v1/threads", token, json.writeValueAsString(java.util.Map.of(
                "title", title, "category", category, "tags", List.of("bots"), "stance", "CON",
                "body", "They will argue *more*, not better.")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var thread = body(response);
        long id = thread.path("id").asLong();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/threads/" + id));
        assertThat(thread.path("title").asString()).isEqualTo(title);
        assertThat(thread.path("tags").get(0).asString()).isEqualTo("bots");
        assertThat(thread.path("posts").get(0).path("html").asString()).contains("<em>more</em>");
        assertThat(body(get("/api/v1/threads/" + id)).path("con").asInt()).isEqualTo(1);

        assertProblem(post("/api/v1/threads", token, json.writeValueAsString(java.util.Map.of(
                "title", title, "category", "no-such-category", "stance", "CON", "body", "x"))), 400, "topic.categoryRequired");
        assertProblem(post("/api/v1/threads", token, json.writeValueAsString(java.util.Map.of(
                "title", title, "category", category, "body", "no stance"))), 400, "post.stanceRequired");
    }

    @Test
    void a_read_token_cannot_post() throws Exception {
        var response = post("/api/v1/threads/1/posts", token(ApiScope.READ), postJson("PRO", "Let me in"));
        assertProblem(response, 403, "api.writeScopeRequired");
    }

    @Test
    void a_read_token_still_reads() throws Exception {
        var response = send(request("/api/v1/threads/1").header("Authorization", "Bearer " + token(ApiScope.READ)).GET());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void posting_without_a_token_is_unauthorized_with_a_bearer_challenge() throws Exception {
        var response = post("/api/v1/threads/1/posts", null, postJson("PRO", "Anonymous"));
        assertProblem(response, 401, "api.tokenRequired");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }

    @Test
    void an_unknown_or_revoked_token_is_unauthorized() throws Exception {
        var unknown = post("/api/v1/threads/1/posts", "agora_" + "A".repeat(43), postJson("PRO", "Who am I"));
        assertProblem(unknown, 401, "api.tokenInvalid");
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h ->
                assertThat(h).startsWith("Bearer").contains("invalid_token"));

        var member = testAccounts.member();
        testAccounts.signIn(member);
        var created = tokens.create("soon revoked", ApiScope.WRITE);
        tokens.revoke(created.token().id());
        TestAccounts.signOut();
        assertProblem(post("/api/v1/threads/1/posts", created.secret(), postJson("PRO", "Revoked")), 401, "api.tokenInvalid");
    }

    @Test
    void an_empty_post_is_a_problem_with_code_post_empty() throws Exception {
        var response = post("/api/v1/threads/1/posts", token(ApiScope.WRITE), postJson("PRO", "   "));
        assertProblem(response, 400, "post.empty");
        assertThat(body(response).path("detail").asString()).isEqualTo("Write something before posting.");
    }

    @Test
    void a_megabyte_post_is_too_long() throws Exception {
        var response = post("/api/v1/threads/1/posts", token(ApiScope.WRITE), postJson("PRO", "a".repeat(1_000_000)));
        assertProblem(response, 400, "post.tooLong");
    }

    @Test
    void malformed_json_is_a_problem() throws Exception {
        assertProblem(post("/api/v1/threads/1/posts", token(ApiScope.WRITE), "{\"stance\": \"PRO\", \"body\": "), 400,
                "api.invalidJson");
        assertProblem(post("/api/v1/threads/1/posts", token(ApiScope.WRITE), "{\"stance\": \"MAYBE\", \"body\": \"x\"}"), 400,
                "post.stanceRequired");
    }

    @Test
    void the_same_client_key_twice_gives_one_post() throws Exception {
        String token = token(ApiScope.WRITE);
        var key = UUID.randomUUID();
        String request = "{\"stance\": \"NEUTRAL\", \"body\": \"Said once\", \"clientKey\": \"" + key + "\"}";
        var first = post("/api/v1/threads/1/posts", token, request);
        var second = post("/api/v1/threads/1/posts", token, request);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(body(second).path("id").asLong()).isEqualTo(body(first).path("id").asLong());
        assertThat(jdbc.sql("select count(*) from debate_post where client_key = :key").param("key", key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_unknown_thread_is_a_404_problem() throws Exception {
        assertProblem(get("/api/v1/threads/987654321"), 404, "topic.notFound");
        assertProblem(post("/api/v1/threads/987654321/posts", token(ApiScope.WRITE), postJson("PRO", "Into the void")),
                404, "topic.notFound");
        assertProblem(get("/api/v1/nothing-here"), 404, "api.notFound");
    }

    @Test
    void posting_too_fast_is_429_with_retry_after_and_a_stale_edit_is_409() {
        var tooFast = errors.debate(new DebateException("body", "post.tooFast", 42L));
        assertThat(tooFast.getStatusCode().value()).isEqualTo(429);
        assertThat(tooFast.getHeaders().getFirst("Retry-After")).isEqualTo("42");
        assertThat(tooFast.getBody().getProperties()).containsEntry("code", "post.tooFast");
        assertThat(tooFast.getBody().getDetail()).contains("42 seconds");

        assertThat(errors.debate(new DebateException("body", "post.changedElsewhere")).getStatusCode().value()).isEqualTo(409);
        assertThat(errors.debate(new DebateException(null, "post.notFound")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void api_calls_open_no_session() throws Exception {
        String token = token(ApiScope.WRITE);
        // send() asserts that no response sets a cookie; these cover reads, writes and refusals alike
        get("/api/v1/threads");
        send(request("/api/v1/threads/1").header("Authorization", "Bearer " + token).GET());
        post("/api/v1/threads/1/posts", token, postJson("CON", "No cookie for me"));
        post("/api/v1/threads/1/posts", null, postJson("CON", "No cookie for me either"));
        var response = get("/api/v1/threads/1");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void the_openapi_document_is_public_and_lists_the_four_operations() throws Exception {
        var response = get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        var doc = body(response);
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        var paths = doc.path("paths");
        assertThat(paths.path("/api/v1/threads").path("get").path("responses").has("200")).isTrue();
        assertThat(paths.path("/api/v1/threads").has("post")).isTrue();
        assertThat(paths.path("/api/v1/threads/{id}").has("get")).isTrue();
        assertThat(paths.path("/api/v1/threads/{id}/posts").path("post").path("responses").has("201")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path("token").path("scheme").asString()).isEqualTo("bearer");

        var docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as("the docs page is public").isIn(200, 302);
        assertThat(docs.headers().firstValue("Location").orElse("")).doesNotContain("/login");
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_before_it_is_read() throws Exception {
        var response = post("/api/v1/threads/1/posts", token(ApiScope.WRITE), postJson("PRO", "a".repeat(2_000_000)));
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.body()).contains("api.tooLarge").doesNotContain("Exception");
    }
}
