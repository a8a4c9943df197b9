package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Security case 7: login, registration and password reset answer the same for an existing and an unknown account,
 * and take the same time (medians of interleaved runs within 20 ms). Through the real services: the views only
 * show what these return.
 */
@IntegrationTest
class EnumerationTest {
    private static final int RUNS = 25;
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired ThrottledAuthenticationProvider provider;
    @Autowired AccountService service;
    @Autowired TestAccounts accounts;

    private static String freshAddress() {
        int n = ADDRESS.incrementAndGet();
        return "100.64." + (n / 250) + "." + (n % 250);
    }

    /**
     * Runs the two tasks interleaved RUNS times (after a warm-up). Returns the median of the paired differences
     * (each pair ran back to back, so a busy machine slows both alike) and, for the record, both medians, in ms.
     */
    private static double[] medians(Runnable known, Runnable unknown) {
        known.run();
        unknown.run();
        var a = new ArrayList<Long>();
        var b = new ArrayList<Long>();
        var d = new ArrayList<Long>();
        for (int i = 0; i < RUNS; i++) {
            long x = time(known);
            long y = time(unknown);
            a.add(x);
            b.add(y);
            d.add(x - y);
        }
        double[] ms = {median(d), median(a), median(b)};
        System.out.printf(Locale.ROOT, "[security case 7] median difference %.1f ms (medians %.1f ms vs %.1f ms)%n",
                ms[0], ms[1], ms[2]);
        return ms;
    }

    private static long time(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1e6;
    }

    private void failLogin(String login) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(login, "not the password at all");
        token.setDetails(new WebAuthenticationDetails(freshAddress(), null));
        assertThatThrownBy(() -> provider.authenticate(token)).isExactlyInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_wrong_password_and_an_unknown_name_fail_alike_and_take_the_same_time() {
        List<Account> known = accounts.members(RUNS + 1);
        var next = new AtomicInteger();
        double[] ms = medians(() -> failLogin(known.get(next.getAndIncrement()).username()),
                () -> failLogin("nobody_" + System.nanoTime()));
        assertThat(Math.abs(ms[0])).as("login medians %.1f ms (known) and %.1f ms (unknown)", ms[1], ms[2])
                .isLessThanOrEqualTo(20);
    }

    @Test
    void registering_a_taken_address_looks_and_takes_like_a_new_one() {
        Account owner = accounts.member();
        var n = new AtomicInteger();
        double[] ms = medians(
                () -> service.register(TestAccounts.uniqueName("r"), owner.email(), "a long new passphrase " + n.incrementAndGet(),
                        Locale.ENGLISH, freshAddress()),
                () -> {
                    String name = TestAccounts.uniqueName("r");
                    service.register(name, name + "@example.net", "a long new passphrase " + n.incrementAndGet(),
                            Locale.ENGLISH, freshAddress());
                });
        assertThat(Math.abs(ms[0])).as("registration medians %.1f ms (taken) and %.1f ms (new)", ms[1], ms[2])
                .isLessThanOrEqualTo(20);
    }

    @Test
    void a_reset_for_a_known_and_an_unknown_account_looks_and_takes_the_same() {
        Account owner = accounts.member();
        double[] ms = medians(() -> service.requestPasswordReset(owner.username(), Locale.ENGLISH, freshAddress()),
                () -> service.requestPasswordReset("nobody_" + System.nanoTime(), Locale.ENGLISH, freshAddress()));
        assertThat(Math.abs(ms[0])).as("reset medians %.1f ms (known) and %.1f ms (unknown)", ms[1], ms[2])
                .isLessThanOrEqualTo(20);
    }
}
