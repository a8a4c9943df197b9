package org.agora.shared.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.agora.shared.metrics.AgoraMeters;
import org.agora.shared.web.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Overload protection for JSON API writes (POST, PUT, PATCH, DELETE under {@code /api/v1}), checked before
 * anything else runs (no token lookup, no JSON parsing, no transaction), with Bucket4j token buckets:
 * <ul>
 * <li>per client — the bearer token, or the client address without one: {@code agora.api.writes-per-client-per-second}
 * (bursts of twice that) → {@code 429 Too Many Requests};</li>
 * <li>per node — all clients together: {@code agora.api.writes-per-second} (bursts of one second's worth) →
 * {@code 503 Service Unavailable}, so that a flood degrades the API instead of queueing until everything times
 * out;</li>
 * </ul>
 * both with {@code Retry-After} (whole seconds) and a problem+json body. 0 turns a limit off. These come on top of
 * the per-member posting and voting limits of the services, which apply to the site as well.
 */
@Configuration(proxyBeanMethods = false)
public class ApiWriteLimiter {
    /** What to do with one write. */
    public record Decision(int status, long retryAfterSeconds) {
        static final Decision ADMIT = new Decision(0, 0);

        public boolean admitted() {
            return status == 0;
        }
    }

    private final AgoraMeters meters;
    private final Cache<String, Bucket> clients = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private volatile int perClientPerSecond;
    private volatile Bucket node;

    ApiWriteLimiter(@Value("${agora.api.writes-per-second:500}") int perNodePerSecond,
                    @Value("${agora.api.writes-per-client-per-second:20}") int perClientPerSecond,
                    AgoraMeters meters) {
        this.meters = meters;
        configure(perNodePerSecond, perClientPerSecond);
    }

    /** Sets both limits at runtime (0 = none); buckets start full. */
    public void configure(int perNodePerSecond, int perClientPerSecond) {
        this.node = perNodePerSecond <= 0 ? null : Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(perNodePerSecond).refillGreedy(perNodePerSecond, Duration.ofSeconds(1)).build()).build();
        this.perClientPerSecond = perClientPerSecond;
        clients.invalidateAll();
    }

    /** Takes one write for this client (a key from {@link #clientKey}), or says why not and when to retry. */
    public Decision take(String clientKey) {
        int perClient = perClientPerSecond;
        if (perClient > 0) {
            var bucket = clients.get(clientKey, k -> Bucket.builder().addLimit(Bandwidth.builder()
                    .capacity(2L * perClient).refillGreedy(perClient, Duration.ofSeconds(1)).build()).build());
            var probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                meters.rateLimited("api-write-client");
                return new Decision(429, seconds(probe.getNanosToWaitForRefill()));
            }
        }
        Bucket all = node;
        if (all != null) {
            var probe = all.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                meters.rateLimited("api-write-node");
                return new Decision(503, seconds(probe.getNanosToWaitForRefill()));
            }
        }
        return Decision.ADMIT;
    }

    /** The bearer token's SHA-256 (the token itself is never kept), or the client's address without one. */
    static String clientKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
                return "token:" + HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return "address:" + ClientAddress.of(request);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    static boolean isWrite(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiWriteLimitFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (isWrite(request)) {
                    Decision decision = take(clientKey(request));
                    if (!decision.admitted()) {
                        refuse(response, decision);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/v1/*");
        // after the body cap (-200), before Spring Security (-100): a refused write costs no token lookup
        registration.setOrder(-150);
        return registration;
    }

    private static void refuse(HttpServletResponse response, Decision decision) throws IOException {
        boolean client = decision.status() == 429;
        response.setStatus(decision.status());
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(client
                ? """
                  {"title":"Too Many Requests","status":429,"detail":"Too many writes from this client; retry after %d s.","code":"api.rateLimited"}"""
                        .formatted(decision.retryAfterSeconds())
                : """
                  {"title":"Service Unavailable","status":503,"detail":"The server is busy; retry after %d s.","code":"api.overloaded"}"""
                        .formatted(decision.retryAfterSeconds()));
    }
}
