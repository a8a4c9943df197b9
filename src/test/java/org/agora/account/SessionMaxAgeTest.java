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
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security case 5, the absolute session lifetime: a session older than {@code agora.security.session-max-age}
 * (12 h) ends on its next request even while it is in use. Over real HTTP on the shared context; the filter's
 * clock is moved forward instead of waiting, and put back after each test.
 */
@IntegrationTest
class SessionMaxAgeTest {
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired SessionMaxAge sessionMaxAge;
    @Autowired JdbcClient jdbc;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private Clock realClock;

    @AfterEach
    void putTheClockBack() {
        if (realClock != null) {
            sessionMaxAge.useClock(realClock);
        }
    }

    /** From now on, the filter sees the time {@code later} from now. */
    private void lookFrom(Duration later) {
        Clock previous = sessionMaxAge.useClock(Clock.offset(Clock.systemUTC(), later));
        if (realClock == null) {
            realClock = previous;
        }
    }

    @Test
    void the_default_maximum_age_is_twelve_hours() {
        assertThat(sessionMaxAge.maxAge()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void an_active_session_older_than_the_maximum_age_ends_on_its_next_request_and_the_member_signs_in_again()
            throws Exception {
        var member = testAccounts.member();
        signIn(member.username());
        String signedIn = sessionId();
        assertThat(get("/account").statusCode()).as("signed in").isEqualTo(200);

        lookFrom(sessionMaxAge.maxAge().minusMinutes(1));
        assertThat(get("/account").statusCode()).as("a minute before the maximum age").isEqualTo(200);
        assertThat(sessionId()).isEqualTo(signedIn);

        lookFrom(sessionMaxAge.maxAge().plusMinutes(1));
        var expired = get("/account");
        assertThat(expired.statusCode()).as("a minute after the maximum age").isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(sessionId()).as("the old session is gone, not reused").isNotEqualTo(signedIn);
        assertThat(get("/account").statusCode()).as("still signed out on the next request").isEqualTo(302);
        assertThat(jdbc.sql("""
                select count(*) from account_session where account_id = :a and ended_at is null
                """).param("a", member.id().value()).query(Integer.class).single())
                .as("the member's list of sessions no longer shows it").isZero();

        putTheClockBack();
        signIn(member.username());
        assertThat(get("/account").statusCode()).as("signed in again").isEqualTo(200);
    }

    @Test
    void the_maximum_age_counts_from_the_login_not_from_an_earlier_anonymous_visit() throws Exception {
        var member = testAccounts.member();
        get("/login"); // an anonymous session, made now
        lookFrom(Duration.ofHours(11));
        signIn(member.username()); // eleven hours later, in the same session

        lookFrom(Duration.ofHours(11).plus(sessionMaxAge.maxAge()).minusMinutes(1));
        assertThat(get("/account").statusCode()).as("23 h after the visit, 12 h less a minute after the login")
                .isEqualTo(200);
    }

    @Test
    void vaadin_is_told_that_a_session_past_the_maximum_age_expired() throws Exception {
        signIn(testAccounts.member().username());
        assertThat(get("/account").statusCode()).isEqualTo(200);

        lookFrom(sessionMaxAge.maxAge().plusMinutes(1));
        var uidl = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(uidl.statusCode()).isEqualTo(200);
        assertThat(uidl.body()).contains("\"sessionExpired\":true");
    }

    // ---- HTTP

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(String username) throws Exception {
        var m = CSRF.matcher(get("/login").body());
        assertThat(m.find()).as("login page carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(TestAccounts.PASSWORD) + "&_csrf=" + enc(m.group(1));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
