package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@IntegrationTest
class LoginThrottleTest {
    @Autowired ThrottledAuthenticationProvider authenticationManager;
    @Autowired PasswordHasher hasher;
    @Autowired TestAccounts testAccounts;

    private void login(String address, String login, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        authenticationManager.authenticate(token);
    }

    @Test
    void login_is_throttled_before_password_hashing() {
        var member = testAccounts.member();
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThatThrownBy(() -> login("10.2.0." + n, member.username(), "wrong guess " + n))
                    .isInstanceOf(BadCredentialsException.class);
        }
        long hashesBefore = hasher.hashesComputed();
        // even the right password is refused now, and no hash is computed for it
        assertThatThrownBy(() -> login("10.2.1.1", member.username(), TestAccounts.PASSWORD))
                .isInstanceOf(LoginExceptions.Throttled.class);
        assertThat(hasher.hashesComputed()).isEqualTo(hashesBefore);
    }

    @Autowired LoginThrottle throttle;

    @Test
    void one_address_trying_many_accounts_is_throttled() {
        // straight on the buckets (no hashing), so the run takes microseconds and no refill muddles the count
        String address = "10.3.0." + (int) (Math.random() * 250);
        int allowed = 0;
        for (int i = 0; i < 80; i++) {
            if (throttle.tryLogin(address, "nobody_" + i + "_" + System.nanoTime())) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(60);
        // another address is not affected
        assertThat(throttle.tryLogin(address + "1", "someone_else")).isTrue();
    }

    @Test
    void throttling_one_account_does_not_lock_out_others() {
        var victim = testAccounts.member();
        var other = testAccounts.member();
        for (int i = 0; i < 12; i++) {
            try {
                login("10.4.0." + i, victim.username(), "guess");
            } catch (RuntimeException expected) {
                // bad credentials, then throttled
            }
        }
        login("10.4.1.1", other.username(), TestAccounts.PASSWORD);
    }
}
