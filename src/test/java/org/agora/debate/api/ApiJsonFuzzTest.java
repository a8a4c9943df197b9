package org.agora.debate.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.agora.debate.DebateException;
import org.agora.shared.api.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security case 11: Jazzer fuzzes the API's JSON input as the controllers read it: the request bodies of a new
 * thread and a new post, their stance and relation words, and the paging cursor. Property: bad input ends in the
 * exceptions the API turns into 400 problems (a JSON error, a DebateException, an ApiException) — never anything
 * else (no NullPointerException, no StackOverflowError, no 500).
 */
class ApiJsonFuzzTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "10s")
    void request_bodies_and_parameters_fail_only_with_client_errors(byte[] input) {
        try {
            var post = JSON.readValue(input, ApiJson.NewPost.class);
            if (post != null) {
                ThreadApi.stance(post.stance());
                ThreadApi.relation(post.relation());
            }
        } catch (JacksonException | DebateException expected) {
            // a 400 problem
        }
        try {
            JSON.readValue(input, ApiJson.NewThread.class);
        } catch (JacksonException expected) {
            // a 400 problem
        }
        try {
            Cursor.decode(new String(input, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (ApiException expected) {
            // a 400 problem
        }
    }
}
