package org.agora.embed;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agora.poll.PollEmbedding;
import org.agora.poll.PollService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live tallies for embedded polls over Server-Sent Events. A vote on any node reaches every node through the
 * shared LISTEN/NOTIFY bus ({@link PollService#watch}); here it only marks the poll as changed, and a ticker sends
 * each changed poll's tally to its open streams at most every 250 ms (≤ 4 events per second per poll, however many
 * votes), reading the tally once for all of them. A comment every 20 s keeps idle connections (and proxies) alive.
 */
@Component
class LiveTallies implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(LiveTallies.class);
    private static final long HEARTBEAT_MILLIS = 20_000;

    private final PollService polls;
    private final PollEmbedding embedding;
    private final long streamMillis;
    private final Map<Long, PollStreams> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "embed-live-tallies");
        t.setDaemon(true);
        return t;
    });
    private long lastHeartbeat = System.currentTimeMillis();

    LiveTallies(PollService polls, PollEmbedding embedding,
                @Value("${agora.embed.stream-minutes:30}") long streamMinutes) {
        this.polls = polls;
        this.embedding = embedding;
        this.streamMillis = TimeUnit.MINUTES.toMillis(streamMinutes);
        ticker.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    private final class PollStreams {
        final long pollId;
        final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
        final AtomicBoolean changed = new AtomicBoolean();
        final Runnable stopWatching;

        PollStreams(long pollId) {
            this.pollId = pollId;
            this.stopWatching = polls.watch(pollId, () -> changed.set(true));
        }
    }

    /** A new stream of this poll's tallies (ends after {@code agora.embed.stream-minutes}; EventSource reconnects). */
    SseEmitter open(long pollId) {
        var emitter = new SseEmitter(streamMillis);
        PollStreams poll = streams.computeIfAbsent(pollId, PollStreams::new);
        poll.emitters.add(emitter);
        Runnable remove = () -> remove(poll, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().reconnectTime(3000).comment("agora"));
        } catch (IOException | IllegalStateException e) {
            remove.run();
        }
        return emitter;
    }

    private void remove(PollStreams poll, SseEmitter emitter) {
        poll.emitters.remove(emitter);
        if (poll.emitters.isEmpty()) {
            streams.computeIfPresent(poll.pollId, (id, p) -> {
                if (p.emitters.isEmpty()) {
                    p.stopWatching.run();
                    return null;
                }
                return p;
            });
        }
    }

    /** How many streams are open on this node (for tests and the benchmark). */
    int openStreams() {
        return streams.values().stream().mapToInt(p -> p.emitters.size()).sum();
    }

    private void tick() {
        try {
            boolean heartbeat = System.currentTimeMillis() - lastHeartbeat >= HEARTBEAT_MILLIS;
            if (heartbeat) {
                lastHeartbeat = System.currentTimeMillis();
            }
            for (PollStreams poll : streams.values()) {
                if (poll.changed.getAndSet(false)) {
                    Object payload = payload(poll.pollId);
                    poll.emitters.forEach(e -> send(poll, e, SseEmitter.event().name("tally").data(payload, MediaType.APPLICATION_JSON)));
                } else if (heartbeat) {
                    poll.emitters.forEach(e -> send(poll, e, SseEmitter.event().comment("keep-alive")));
                }
            }
        } catch (RuntimeException e) {
            log.warn("live tallies: {}", e.toString());
        }
    }

    private Object payload(long pollId) {
        var result = new LinkedHashMap<String, Object>();
        polls.published(pollId).filter(p -> embedding.resultsVisibleToReader(p, false)).ifPresent(poll -> {
            embedding.memberResults(poll, false).ifPresent(r -> result.put("members", WidgetJson.Tally.of(r.voters(), r.counts())));
            var readers = embedding.readerTally(pollId);
            result.put("readers", WidgetJson.Tally.of(readers.voters(), readers.counts()));
        });
        return result;
    }

    private void send(PollStreams poll, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            remove(poll, emitter);
            emitter.completeWithError(gone);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        streams.values().forEach(p -> p.emitters.forEach(SseEmitter::complete));
    }
}
