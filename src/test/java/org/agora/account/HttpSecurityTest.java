package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a plain HTTP client sees: headers, cookies, login and sessions, over the real server. */
@IntegrationTest
class HttpSecurityTest {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String username, String password) throws Exception {
        var page = get("/login");
        var m = CSRF.matcher(page.body());
        assertThat(m.find()).as("login page carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    @Test
    void security_headers_present_on_views_and_static_files() throws Exception {
        for (String path : new String[] {"/", "/login", "/register", "/threads", "/styles/agora.css", "/actuator/health"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isLessThan(400);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path + " CSP").hasValueSatisfying(csp ->
                    assertThat(csp).contains("object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("Strict-Transport-Security")).as(path + " no HSTS over plain HTTP").isEmpty();
        }
    }

    @Test
    void pages_are_never_cached_while_stylesheets_are_cached_and_compressed() throws Exception {
        for (String path : new String[] {"/", "/login", "/threads"}) {
            var headers = get(path).headers();
            assertThat(headers.firstValue("Cache-Control")).as(path).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
            assertThat(headers.firstValue("Pragma")).as(path).contains("no-cache");
        }
        var css = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/styles/agora.css"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Pragma")).as("a static file may be cached").isEmpty();
        assertThat(css.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
        assertThat(css.headers().firstValue("Content-Encoding")).contains("gzip");
        var text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(css.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("agora");
        assertThat(css.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void session_cookie_is_http_only_and_same_site() throws Exception {
        var response = get("/login");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void session_id_changes_on_login() throws Exception {
        var member = testAccounts.member();
        get("/login");
        String before = sessionId();
        assertThat(before).isNotNull();
        var response = postLogin(member.username(), TestAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void failed_login_says_the_same_for_unknown_and_known_accounts() throws Exception {
        var member = testAccounts.member();
        var known = postLogin(member.username(), "wrong password entirely");
        var unknown = postLogin("nobody_" + System.nanoTime(), "wrong password entirely");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(302);
        assertThat(known.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(known.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void login_posted_from_another_site_is_refused() throws Exception {
        var member = testAccounts.member();
        get("/login");
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + member.username() + "&password="
                        + enc(TestAccounts.PASSWORD))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void actuator_shows_health_but_nothing_else_to_the_public() throws Exception {
        assertThat(get("/actuator/health").body()).contains("UP");
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics"}) {
            assertThat(get(path).statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void a_password_alone_opens_nothing_for_an_account_with_two_factor() throws Exception {
        var member = testAccounts.member();
        testAccounts.enableTwoFactor(member);
        get("/login");
        String before = sessionId();
        var response = postLogin(member.username(), TestAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(sessionId()).as("a new session id already at the password step").isNotEqualTo(before);

        // pages that need a login lead to the code page, and remember where the member was going
        for (String path : new String[] {"/account", "/moderation", "/notifications"}) {
            var page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login/code"));
        }
        assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(get("/login/code").statusCode()).isEqualTo(200);
    }

    @Test
    void the_moderator_console_redirects_a_reader_to_login() throws Exception {
        var response = get("/moderation");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
