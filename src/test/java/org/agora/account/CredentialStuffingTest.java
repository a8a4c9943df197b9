package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Security case 6: credential stuffing. Attempts go through the real authentication provider (throttle, Argon2id,
 * accounts in PostgreSQL), each with its own client address as the servlet container would report it behind the
 * trusted proxy. The bucket arithmetic over a simulated day runs on a throttle with a test time source.
 */
@IntegrationTest
class CredentialStuffingTest {
    @Autowired ThrottledAuthenticationProvider provider;
    @Autowired PasswordHasher hasher;
    @Autowired TestAccounts accounts;

    enum Outcome { REFUSED_PASSWORD, THROTTLED, SIGNED_IN }

    private Outcome attempt(String address, String login, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        try {
            provider.authenticate(token);
            return Outcome.SIGNED_IN;
        } catch (LoginExceptions.Throttled e) {
            return Outcome.THROTTLED;
        } catch (BadCredentialsException e) {
            return Outcome.REFUSED_PASSWORD;
        } catch (AuthenticationException e) {
            throw new AssertionError("unexpected " + e);
        }
    }

    @Test
    void a_thousand_attempts_over_a_hundred_accounts_from_one_address_get_sixty_password_checks() {
        List<Account> real = accounts.members(5);
        long hashesBefore = hasher.hashesComputed();
        long started = System.nanoTime();
        int checked = 0;
        for (int i = 0; i < 1000; i++) {
            int target = i % 100;
            String login = target < real.size() ? real.get(target).username() : "stuffed_" + target + "_" + System.nanoTime();
            Outcome outcome = attempt("198.51.100.77", login, "leaked password " + i);
            assertThat(outcome).isNotEqualTo(Outcome.SIGNED_IN);
            if (outcome == Outcome.REFUSED_PASSWORD) {
                checked++;
            }
        }
        // the address's bucket holds 60 and refills one a second while the run lasts
        long refilled = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        assertThat(checked).as("password checks one address got").isLessThanOrEqualTo(60 + (int) refilled);
        assertThat(hasher.hashesComputed() - hashesBefore).as("throttled attempts compute no hash")
                .isLessThanOrEqualTo(60 + refilled);
    }

    @Test
    void one_attempt_each_from_many_addresses_gets_ten_password_checks_per_account() {
        List<Account> targets = accounts.members(3);
        int[] checked = new int[targets.size()];
        for (int i = 0; i < 300; i++) {
            int t = i % targets.size();
            String address = "203.0." + (i / 250) + "." + (i % 250);
            if (attempt(address, targets.get(t).username(), "guess " + i) == Outcome.REFUSED_PASSWORD) {
                checked[t]++;
            }
        }
        for (int n : checked) {
            // ten, plus one more if the run outlasted the 90 s the bucket takes to earn one back
            assertThat(n).as("password checks per account in 15 minutes, whatever the addresses").isBetween(10, 11);
        }
        // the owner, from home, is slowed down like the attacker, never let in on a wrong password
        assertThat(attempt("192.0.2.10", targets.get(0).username(), TestAccounts.PASSWORD)).isEqualTo(Outcome.THROTTLED);
    }

    @Test
    void an_attacked_account_sees_at_most_a_hundred_checks_a_day_and_its_owner_gets_back_in_after_it() {
        var now = new AtomicLong();
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        var throttle = new LoginThrottle(60, 10, 100, 20, 5, clock, null);
        int allowedInTheFirstDay = 0;
        for (long minute = 0; minute < 24 * 60; minute++) {
            now.set(Duration.ofMinutes(minute).toNanos());
            // a botnet: a fresh address every attempt, as many attempts as the account's buckets take
            for (int k = 0; k < 20 && throttle.tryLogin("10.9." + minute % 250 + "." + k, "victim"); k++) {
                allowedInTheFirstDay++;
            }
        }
        assertThat(allowedInTheFirstDay).as("checks on one account in its first day").isEqualTo(100);
        now.set(Duration.ofDays(1).plusMinutes(1).toNanos());
        assertThat(throttle.tryLogin("192.0.2.10", "victim")).as("no permanent lock-out: the next day opens again").isTrue();
        assertThat(throttle.tryLogin("192.0.2.10", "someone_else")).as("other accounts were never affected").isTrue();
    }
}
