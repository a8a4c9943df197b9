package org.agora.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class EventBusTest {
    @Autowired EventBus bus;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void a_message_published_after_commit_reaches_subscribers_and_duplicates_are_coalesced() {
        List<String> heard = new CopyOnWriteArrayList<>();
        var stop = bus.subscribe("test.coalesce", heard::add);
        try {
            transactions.executeWithoutResult(s -> {
                for (int i = 0; i < 20; i++) {
                    bus.publish("test.coalesce", "7:42");
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("7:42"));
            // give a second burst time to arrive if the coalescing failed
            await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(heard).containsExactly("7:42");
        } finally {
            stop.run();
        }
    }

    @Autowired javax.sql.DataSource dataSource;

    @Test
    void a_second_node_on_the_same_database_hears_this_nodes_events_and_vice_versa() {
        // a second bus with its own listener connection stands for another app node: nothing is shared in memory
        var otherNode = new EventBus(dataSource, JdbcClient.create(dataSource), 100,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        otherNode.start();
        List<String> heardThere = new CopyOnWriteArrayList<>();
        List<String> heardHere = new CopyOnWriteArrayList<>();
        var stopThere = otherNode.subscribe("test.nodes", heardThere::add);
        var stopHere = bus.subscribe("test.nodes", heardHere::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> otherNode.listenerPid() > 0);
            long start = System.nanoTime();
            bus.publish("test.nodes", "from-a");
            await().atMost(Duration.ofSeconds(10)).until(() -> heardThere.contains("from-a"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            otherNode.publish("test.nodes", "from-b");
            await().atMost(Duration.ofSeconds(10)).until(() -> heardHere.contains("from-b"));
            assertThat(millis).as("cross-node delivery in ms").isLessThan(5_000);
        } finally {
            stopThere.run();
            stopHere.run();
            otherNode.stop();
        }
    }

    @Test
    void nothing_is_announced_for_a_rolled_back_transaction() {
        List<String> heard = new CopyOnWriteArrayList<>();
        var stop = bus.subscribe("test.rollback", heard::add);
        try {
            transactions.executeWithoutResult(s -> {
                bus.publish("test.rollback", "1:1");
                s.setRollbackOnly();
            });
            bus.publish("test.rollback", "after");
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("after"));
            assertThat(heard).containsExactly("after");
        } finally {
            stop.run();
        }
    }

    @Test
    void the_listener_reconnects_after_its_connection_is_killed() {
        List<String> heard = new CopyOnWriteArrayList<>();
        var stop = bus.subscribe("test.reconnect", heard::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.listenerPid() > 0);
            int pid = bus.listenerPid();
            jdbc.sql("select pg_terminate_backend(:pid)").param("pid", pid).query().listOfRows();
            await().atMost(Duration.ofSeconds(30)).until(() -> bus.listenerPid() > 0 && bus.listenerPid() != pid);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                bus.publish("test.reconnect", "again");
                return heard.contains("again");
            });
        } finally {
            stop.run();
        }
    }
}
