package org.agora.shared.events;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Events between app nodes over PostgreSQL LISTEN/NOTIFY, so that every node sharing the database hears every
 * change (an in-JVM broadcaster would reach one node only).
 * <p>
 * Publishing never happens inside the writing transaction (NOTIFY takes a global lock at commit): a message is
 * queued after commit and sent by a flusher at most every {@code agora.events.flush-millis} (250 ms), with
 * duplicates coalesced. Payloads are ids only ("topic" / "12:345"). The listener holds its own connection
 * outside the pool, and reconnects (re-LISTENing) after the database restarts or drops it.
 * <p>
 * On the wire a message is {@code queuedAtMillis|topic|payload}: each receiving node records the lag from the
 * commit that queued it to its delivery here as {@code agora.events.lag} (wall clocks of the nodes must agree,
 * as NTP keeps them). A message without the time (from an older node during a rolling update) is delivered too.
 */
@Component
public class EventBus implements SmartLifecycle {
    static final String CHANNEL = "agora_events";
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final long flushMillis;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    /** Messages waiting for the flusher, with the wall-clock time each was first queued (duplicates coalesce). */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final Timer lag;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile Connection listenerConnection;
    private volatile int listenerPid = -1;
    private ScheduledExecutorService flusher;
    private Thread listener;

    EventBus(DataSource dataSource, JdbcClient jdbc, @Value("${agora.events.flush-millis:250}") long flushMillis,
             MeterRegistry meters) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.flushMillis = flushMillis;
        this.lag = Timer.builder("agora.events.lag")
                .description("From the commit that queued an event (on any node) to its delivery on this node")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        Gauge.builder("agora.events.pending", pending, Map::size)
                .description("Events queued on this node, not yet sent").register(meters);
    }

    /** Announces "{@code topic}: {@code payload}" to every node once the current transaction commits. */
    public void publish(String topic, String payload) {
        if (topic.isEmpty() || topic.indexOf('|') >= 0 || Character.isDigit(topic.charAt(0)) || payload.length() > 200) {
            throw new IllegalArgumentException("topic must not be empty, contain '|' or start with a digit,"
                    + " and payload must be short ids");
        }
        String message = topic + "|" + payload;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            queue(message);
            return;
        }
        // one batch per transaction, handed over whole after commit: duplicates collapse, nothing leaks on rollback
        @SuppressWarnings("unchecked")
        var batch = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            Set<String> created = new java.util.LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    created.forEach(EventBus.this::queue);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(EventBus.this);
                }
            });
            batch = created;
        }
        batch.add(message);
    }

    private void queue(String message) {
        pending.putIfAbsent(message, System.currentTimeMillis());
    }

    /** Calls {@code handler} (on the bus thread) with the payload of every message on this topic, from any node. */
    public Runnable subscribe(String topic, Consumer<String> handler) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
        return () -> subscribers.getOrDefault(topic, List.of()).remove(handler);
    }

    /** Messages heard since start (for metrics and tests). */
    public long received() {
        return received.get();
    }

    @Override
    public void start() {
        running = true;
        flusher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "agora-events-flush"));
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        listener = daemon(this::listen, "agora-events-listen");
        listener.start();
    }

    @Override
    @PreDestroy
    public void stop() {
        running = false;
        if (flusher != null) {
            flusher.shutdown();
        }
        closeQuietly(listenerConnection);
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        for (String message : List.copyOf(pending.keySet())) {
            Long queuedAt = pending.remove(message);
            if (queuedAt == null) {
                continue;
            }
            try {
                jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL)
                        .param("payload", queuedAt + "|" + message).query().listOfRows();
            } catch (RuntimeException e) {
                log.warn("could not publish event {}: {}", message, e.getMessage());
            }
        }
    }

    private void listen() {
        long backoff = 200;
        while (running) {
            try (Connection connection = openListenerConnection()) {
                listenerConnection = connection;
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                listenerPid = connection.unwrap(org.postgresql.jdbc.PgConnection.class).getBackendPID();
                backoff = 200;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(5_000);
                    if (notifications == null) {
                        // a cheap round trip notices a dead connection even when nothing is published
                        try (var ping = connection.createStatement()) {
                            ping.execute("select 1");
                        }
                        continue;
                    }
                    for (var n : notifications) {
                        dispatch(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listenerPid = -1;
                if (!running) {
                    return;
                }
                log.warn("event listener lost its connection ({}); reconnecting in {} ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void dispatch(String wire) {
        received.incrementAndGet();
        String message = wire;
        int first = wire.indexOf('|');
        if (first > 0 && wire.chars().limit(first).allMatch(Character::isDigit)) {
            // topics never start with a digit: this is the time the message was queued
            long queuedAt = Long.parseLong(wire.substring(0, first));
            lag.record(Math.max(0, System.currentTimeMillis() - queuedAt), TimeUnit.MILLISECONDS);
            message = wire.substring(first + 1);
        }
        int bar = message.indexOf('|');
        if (bar < 0) {
            return;
        }
        String topic = message.substring(0, bar);
        String payload = message.substring(bar + 1);
        for (Consumer<String> handler : subscribers.getOrDefault(topic, List.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.warn("event handler for {} failed", topic, e);
            }
        }
    }

    /** A connection of its own, never one of the pool's (the pool may sit behind a transaction-mode pooler). */
    private Connection openListenerConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            var hikari = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    /** The backend pid of the listening connection (tests kill it to prove reconnection). */
    int listenerPid() {
        return listenerPid;
    }

    private static Thread daemon(Runnable r, String name) {
        var t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
