package org.agora.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Voter tokens as plain rules: bound to one poll, unforgeable without the secret, good until they expire. */
class VoterTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private final VoterTokens tokens = new VoterTokens(new byte[32], Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_token_is_good_for_its_own_poll_only() {
        var issued = tokens.issue(42);
        assertThat(tokens.verify(issued.token(), 42)).contains(issued.reader());
        assertThat(tokens.verify(issued.token(), 43)).isEmpty();
    }

    @Test
    void each_token_names_a_different_reader() {
        assertThat(tokens.issue(1).reader()).isNotEqualTo(tokens.issue(1).reader());
    }

    @Test
    void a_token_signed_with_another_secret_or_altered_is_refused() {
        var other = new VoterTokens("another secret of at least 32 bytes!".getBytes(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(tokens.verify(other.issue(42).token(), 42)).isEmpty();
        String token = tokens.issue(42).token();
        // every one-character change of the token is refused, including those base64 would decode alike
        for (int i = "v1.".length(); i < token.length(); i++) {
            char c = token.charAt(i);
            for (char replacement : new char[] {'A', 'B', 'C', 'Q', 'g', 'w', '-', '_'}) {
                if (replacement != c && c !=  '.') {
                    String altered = token.substring(0, i) + replacement + token.substring(i + 1);
                    assertThat(tokens.verify(altered, 42)).as(altered).isEmpty();
                }
            }
        }
        assertThat(tokens.verify("v1.garbage", 42)).isEmpty();
        assertThat(tokens.verify("v1.!!!.!!!", 42)).isEmpty();
        assertThat(tokens.verify("", 42)).isEmpty();
        assertThat(tokens.verify(null, 42)).isEmpty();
    }

    @Test
    void a_token_expires_after_its_lifetime() {
        var issued = tokens.issue(42);
        var later = tokens.withClock(Clock.fixed(NOW.plus(VoterTokens.LIFETIME).minusSeconds(1), ZoneOffset.UTC));
        var expired = tokens.withClock(Clock.fixed(NOW.plus(VoterTokens.LIFETIME), ZoneOffset.UTC));
        assertThat(later.verify(issued.token(), 42)).isPresent();
        assertThat(expired.verify(issued.token(), 42)).isEmpty();
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }
}
