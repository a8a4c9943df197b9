package org.agora.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API as a client sees it, for tests: real HTTP to the running server, a bearer token when given, and
 * the checks every answer must pass (no cookie, no stack trace, problems as {@code application/problem+json}).
 */
public final class ApiClient {
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public ApiClient(int port) {
        this.port = port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        var built = request.build();
        var response = http.send(built, HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("Set-Cookie")).as("API responses never set a cookie").isEmpty();
        assertThat(response.statusCode()).as("never a server error: " + built.method() + " " + built.uri() + " " + response.body()).isLessThan(500);
        assertThat(response.body()).as("never a stack trace").doesNotContain("Exception").doesNotContain("at org.");
        return response;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String token, String body) throws Exception {
        return post(path, token, HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpResponse<String> post(String path, String token, HttpRequest.BodyPublisher body) throws Exception {
        var request = request(path).header("Content-Type", "application/json").POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }

    /** Asserts a problem answer (RFC 9457) with this status; returns its body. */
    public JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        return body(response);
    }
}
