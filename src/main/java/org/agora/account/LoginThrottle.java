package org.agora.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) that limit password attempts per client address and per account name, checked
 * before any password hashing: per address 60 a minute, per account 10 in 15 minutes and at most 100 a day (that
 * one refills all at once after a day, so no day ever sees more). Buckets refill by themselves: a real user is slowed down, never locked out
 * for good. Registration and reset requests get their own per-address bucket, and second-factor codes (TOTP or
 * recovery codes, at login and in the account settings) their own per-account bucket.
 */
@Component
public class LoginThrottle {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();
    private final int perAddressPerMinute;
    private final int perAccountPer15Minutes;
    private final int perAccountPerDay;
    private final int mailRequestsPerAddressPerHour;
    private final int codeAttemptsPerAccountPer5Minutes;
    private final org.agora.shared.metrics.AgoraMeters meters;
    private final TimeMeter time;

    @Autowired
    LoginThrottle(@Value("${agora.login.attempts-per-address-per-minute:60}") int perAddressPerMinute,
                  @Value("${agora.login.attempts-per-account-per-15-minutes:10}") int perAccountPer15Minutes,
                  @Value("${agora.login.attempts-per-account-per-day:100}") int perAccountPerDay,
                  @Value("${agora.account.mail-requests-per-address-per-hour:20}") int mailRequestsPerAddressPerHour,
                  @Value("${agora.login.code-attempts-per-account-per-5-minutes:5}") int codeAttemptsPerAccountPer5Minutes,
                  org.agora.shared.metrics.AgoraMeters meters) {
        this(perAddressPerMinute, perAccountPer15Minutes, perAccountPerDay, mailRequestsPerAddressPerHour,
                codeAttemptsPerAccountPer5Minutes, TimeMeter.SYSTEM_MILLISECONDS, meters);
    }

    /** With its own time source, so a test can let hours pass and watch the buckets refill (meters may be null). */
    LoginThrottle(int perAddressPerMinute, int perAccountPer15Minutes, int perAccountPerDay,
                  int mailRequestsPerAddressPerHour, int codeAttemptsPerAccountPer5Minutes, TimeMeter time,
                  org.agora.shared.metrics.AgoraMeters meters) {
        this.time = time;
        this.meters = meters;
        this.perAddressPerMinute = perAddressPerMinute;
        this.perAccountPer15Minutes = perAccountPer15Minutes;
        this.perAccountPerDay = perAccountPerDay;
        this.mailRequestsPerAddressPerHour = mailRequestsPerAddressPerHour;
        this.codeAttemptsPerAccountPer5Minutes = codeAttemptsPerAccountPer5Minutes;
    }

    /** Takes one login attempt for this address and account name; false if either is over its limit. */
    public boolean tryLogin(String address, String login) {
        Bucket byAddress = buckets.get("ip:" + address, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(perAddressPerMinute)
                        .refillGreedy(perAddressPerMinute, Duration.ofMinutes(1)).build())
                .build());
        if (!byAddress.tryConsume(1)) {
            meters.rateLimited("login");
            return false;
        }
        return tryAccount(login);
    }

    /** Takes one password check for this account name (also used when a signed-in member re-enters it). */
    public boolean tryAccount(String login) {
        String account = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        Bucket byAccount = buckets.get("account:" + account, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(perAccountPer15Minutes)
                        .refillGreedy(perAccountPer15Minutes, Duration.ofMinutes(15)).build())
                .addLimit(Bandwidth.builder().capacity(perAccountPerDay)
                        .refillIntervally(perAccountPerDay, Duration.ofDays(1)).build())
                .build());
        return counted(byAccount.tryConsume(1), "login");
    }

    /** Takes one mail-sending request (registration, reset, new verification link) for this address. */
    public boolean tryMailRequest(String address) {
        return buckets.get("mail:" + address, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(mailRequestsPerAddressPerHour)
                        .refillGreedy(mailRequestsPerAddressPerHour, Duration.ofHours(1)).build())
                .build()).tryConsume(1) || counted(false, "mail-requests");
    }

    /**
     * Takes one second-factor attempt (an authenticator code or a recovery code) for this account; false if it is
     * over its limit. A six-digit code has a million values: a few tries per five minutes keep guessing hopeless.
     */
    public boolean trySecondFactor(AccountId account) {
        return buckets.get("2fa:" + account.value(), k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(codeAttemptsPerAccountPer5Minutes)
                        .refillGreedy(codeAttemptsPerAccountPer5Minutes, Duration.ofMinutes(5)).build())
                .build()).tryConsume(1) || counted(false, "second-factor");
    }

    private boolean counted(boolean allowed, String limit) {
        if (!allowed && meters != null) {
            meters.rateLimited(limit);
        }
        return allowed;
    }
}
