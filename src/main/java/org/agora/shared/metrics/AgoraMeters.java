package org.agora.shared.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Agora's own meters, next to the JVM, Tomcat, HikariCP and HTTP ones that Spring Boot registers. Published at
 * {@code /actuator/prometheus} (per second is {@code rate(agora_ballots_total[1m])} in PromQL):
 * <ul>
 * <li>{@code agora_ballots_total} — ballots cast or changed (PollService's vote path);</li>
 * <li>{@code agora_posts_total} — posts saved, openings of threads included;</li>
 * <li>{@code agora_ratelimit_rejections_total{limit=...}} — requests refused by a rate limit (login, posting,
 * voting, flags, polls, api-write-client, api-write-node);</li>
 * <li>{@code agora_ui_active} and {@code agora_push_connections} — open Vaadin UIs on this node and those with a
 * live push connection ({@code UiMeters});</li>
 * <li>{@code agora_events_lag_seconds} — from a commit on any node to its event being handed to this node's
 * subscribers ({@code EventBus}).</li>
 * </ul>
 */
@Component
public class AgoraMeters {
    private final MeterRegistry registry;
    private final Counter ballots;
    private final Counter posts;

    public AgoraMeters(MeterRegistry registry) {
        this.registry = registry;
        this.ballots = Counter.builder("agora.ballots").description("Ballots cast or changed").register(registry);
        this.posts = Counter.builder("agora.posts").description("Posts saved (thread openings included)")
                .register(registry);
    }

    public void ballotCast() {
        ballots.increment();
    }

    public void postSaved() {
        posts.increment();
    }

    /** One request refused by the rate limit named {@code limit}. */
    public void rateLimited(String limit) {
        Counter.builder("agora.ratelimit.rejections").description("Requests refused by a rate limit")
                .tag("limit", limit).register(registry).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
