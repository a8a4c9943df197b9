package org.agora.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.agora.debate.DebateCatalog;
import org.agora.support.ApiClient;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security case 2 (injection), from the outside: search terms, list filters and every API parameter carrying SQL
 * and full-text-query metacharacters are plain data — no error, no extra rows, no harm to the schema.
 */
@IntegrationTest
class SearchInjectionTest {
    static final String[] PAYLOADS = {
            "' or 1=1 --", "'; drop table account; --", "\" or \"\"=\"", "1) or (1=1", "%", "_", "\\", "$$",
            "& | ! :* <->", "(((", "')) union select username, password_hash from account --", "'::text", "\u0000",
            "x' and pg_sleep(5) is null --", "/* */", ";", "*", "?", "{}", "[]", "a:*&b:*", "!!!",
            "‘ or 1=1 —", "％27 or 1=1"};

    @LocalServerPort int port;
    @Autowired DebateCatalog catalog;
    @Autowired JdbcClient jdbc;

    private long accounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    @Test
    void search_treats_sql_and_query_syntax_as_words() {
        long before = accounts();
        int all = catalog.search("jobs", null, null, 100).size();
        for (String payload : PAYLOADS) {
            long start = System.nanoTime();
            var results = catalog.search(payload, null, null, 100);
            assertThat(results.size()).as(payload).isLessThanOrEqualTo(Math.max(all, 100));
            assertThat((System.nanoTime() - start) / 1_000_000).as("no injected sleep: " + payload).isLessThan(4_000);
        }
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void api_parameters_with_metacharacters_get_an_answer_or_a_400_never_a_500() throws Exception {
        var api = new ApiClient(port);
        for (String payload : PAYLOADS) {
            String p = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            for (String path : new String[] {"/api/v1/threads?category=" + p, "/api/v1/threads?tag=" + p,
                    "/api/v1/threads?sort=" + p, "/api/v1/threads?after=" + p, "/api/v1/threads?limit=" + p,
                    "/api/v1/threads/1?after=" + p, "/api/v1/polls?status=" + p, "/api/v1/polls?after=" + p,
                    "/api/v1/threads/" + p, "/api/v1/polls/" + p, "/feeds/threads.atom?category=" + p}) {
                var response = api.get(path); // asserts no 5xx, no stack trace, no cookie
                assertThat(response.statusCode()).as(path).isIn(200, 400, 404);
            }
        }
        assertThat(jdbc.sql("select to_regclass('account') is not null").query(Boolean.class).single()).isTrue();
    }
}
