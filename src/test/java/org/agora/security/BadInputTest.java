package org.agora.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.agora.account.AccountException;
import org.agora.account.AccountService;
import org.agora.account.ApiScope;
import org.agora.account.ApiTokenService;
import org.agora.account.TestAccounts;
import org.agora.debate.ArgumentMap;
import org.agora.debate.DebateCatalog;
import org.agora.support.ApiClient;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security case 10: bad input over the API and at registration gets a clear 4xx answer (RFC 9457 problem), never a
 * stack trace or a 5xx, and writes nothing half-way.
 */
@IntegrationTest
class BadInputTest {
    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired ApiTokenService tokens;
    @Autowired AccountService accountService;
    @Autowired DebateCatalog catalog;
    @Autowired JdbcClient jdbc;

    private ApiClient api;
    private String token;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        accounts.signIn(accounts.member());
        try {
            token = tokens.create("bad input", ApiScope.WRITE).secret();
        } finally {
            TestAccounts.signOut();
        }
    }

    private long posts() {
        return jdbc.sql("select count(*) from debate_post").query(Long.class).single();
    }

    private String post(String stance, String body) {
        return api.json(Map.of("stance", stance, "body", body, "clientKey", UUID.randomUUID().toString()));
    }

    @Test
    void nul_bytes_and_control_characters_never_reach_the_database() throws Exception {
        var response = api.post("/api/v1/threads/1/posts", token, post("PRO", "before\u0000after\u0007 end"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = api.body(response).path("id").asLong();
        assertThat(jdbc.sql("select body from debate_post where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("beforeafter end");
    }

    @Test
    void invalid_utf8_is_a_400_problem_and_writes_nothing() throws Exception {
        long before = posts();
        byte[] head = "{\"stance\":\"PRO\",\"body\":\"".getBytes();
        byte[] tail = "\"}".getBytes();
        byte[] body = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC3;
        body[head.length + 1] = (byte) 0x28; // not a continuation byte
        body[head.length + 2] = (byte) 0xFF; // never valid in UTF-8
        System.arraycopy(tail, 0, body, head.length + 3, tail.length);
        api.problem(api.post("/api/v1/threads/1/posts", token, HttpRequest.BodyPublishers.ofByteArray(body)), 400);
        assertThat(posts()).isEqualTo(before);
    }

    @Test
    void json_nested_ten_thousand_levels_deep_is_a_400_problem() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        api.problem(api.post("/api/v1/threads/1/posts", token, "{\"stance\":\"PRO\",\"body\":\"x\",\"extra\":" + deep + "}"), 400);
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        api.problem(api.post("/api/v1/threads", token, deepObject), 400);
    }

    @Test
    void ten_thousand_nested_quotes_are_stored_and_rendered_without_error() throws Exception {
        var response = api.post("/api/v1/threads/1/posts", token, post("NEUTRAL", ">".repeat(10_000) + " deep"));
        assertThat(response.statusCode()).as(response.body()).isIn(201, 400);
        if (response.statusCode() == 201) {
            assertThat(api.body(response).path("html").asString()).contains("deep").doesNotContain("<script");
        }
        assertThat(api.get("/api/v1/threads/1?limit=100").statusCode()).isEqualTo(200);
    }

    @Test
    void a_reply_chain_ten_thousand_deep_is_served_and_mapped() throws Exception {
        String category = catalog.categories().getFirst().slug();
        var started = api.post("/api/v1/threads", token, api.json(Map.of("title", "A very deep chain " + UUID.randomUUID(),
                "category", category, "stance", "PRO", "body", "root")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long topic = api.body(started).path("id").asLong();
        long root = api.body(started).path("posts").get(0).path("id").asLong();
        // 10,000 replies, each to the one before, straight into the table (the API's rate limit would take hours)
        jdbc.sql("""
                do $$
                declare parent bigint := %d;
                begin
                  for i in 1..10000 loop
                    insert into debate_post (topic_id, parent_id, stance, relation, body, body_html)
                    values (%d, parent, 'CON', 'CHALLENGES', 'reply ' || i, '<p>reply ' || i || '</p>')
                    returning id into parent;
                  end loop;
                end $$
                """.formatted(root, topic)).update();
        var page = api.get("/api/v1/threads/" + topic + "?limit=100");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(api.body(page).path("posts").size()).isEqualTo(100);
        ArgumentMap map = ArgumentMap.of(catalog.timeline(topic, null, 20_000));
        assertThat(map).isNotNull();
    }

    @Test
    void unknown_and_out_of_range_ids_are_404_or_400_problems() throws Exception {
        api.problem(api.get("/api/v1/threads/987654321"), 404);
        api.problem(api.get("/api/v1/polls/987654321"), 404);
        api.problem(api.get("/api/v1/threads/99999999999999999999999"), 400);
        api.problem(api.get("/api/v1/threads/-1"), 404);
        api.problem(api.get("/api/v1/threads/abc"), 400);
        api.problem(api.post("/api/v1/threads/987654321/posts", token, post("PRO", "to nowhere")), 404);
        api.problem(api.post("/api/v1/threads/1/posts", token,
                "{\"parentId\": 987654321, \"stance\": \"PRO\", \"relation\": \"SUPPORTS\", \"body\": \"to no one\"}"), 400);
    }

    @Test
    void a_thread_with_a_valid_title_but_an_empty_body_is_not_half_created() throws Exception {
        long topics = jdbc.sql("select count(*) from debate_topic").query(Long.class).single();
        String category = catalog.categories().getFirst().slug();
        api.problem(api.post("/api/v1/threads", token, api.json(Map.of("title", "A fine title for a thread " + UUID.randomUUID(),
                "category", category, "stance", "PRO", "body", "\u200B \u2060"))), 400);
        assertThat(jdbc.sql("select count(*) from debate_topic").query(Long.class).single()).isEqualTo(topics);
    }

    @Test
    void usernames_with_direction_overrides_joiners_or_lookalike_letters_are_refused() {
        for (String name : new String[] {"adm\u202Eni", "ad\u200Dmin", "\u0430dmin", "adm\u0131n", "ａｄｍｉｎ", "admin\u0000"}) {
            assertThatThrownBy(() -> accountService.register(name, UUID.randomUUID() + "@example.org",
                    "a long enough passphrase here", Locale.ENGLISH, "192.0.2.200"))
                    .as(name).isInstanceOf(AccountException.class).hasMessageContaining("register.usernameInvalid");
        }
    }
}
