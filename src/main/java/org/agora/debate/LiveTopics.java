package org.agora.debate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.agora.shared.events.EventBus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Live threads: every change to a post is announced on the {@link EventBus} (so all nodes hear it), and each
 * node hands it to the screens that show that thread here.
 */
@Component
public class LiveTopics {
    static final String TOPIC = "debate.post";

    private final EventBus bus;
    private final Map<Long, List<LongConsumer>> watchers = new ConcurrentHashMap<>();

    LiveTopics(EventBus bus) {
        this.bus = bus;
        bus.subscribe(TOPIC, this::deliver);
    }

    @EventListener
    void on(PostEvents.PostCreated e) {
        bus.publish(TOPIC, e.topicId() + ":" + e.postId());
    }

    @EventListener
    void on(PostEvents.PostChanged e) {
        bus.publish(TOPIC, e.topicId() + ":" + e.postId());
    }

    /** Calls {@code onPost} with the id of each post created or changed in the thread; run the result to stop. */
    public Runnable watch(long topicId, LongConsumer onPost) {
        watchers.computeIfAbsent(topicId, k -> new CopyOnWriteArrayList<>()).add(onPost);
        return () -> {
            var list = watchers.get(topicId);
            if (list != null) {
                list.remove(onPost);
                if (list.isEmpty()) {
                    watchers.remove(topicId, list);
                }
            }
        };
    }

    private void deliver(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        try {
            long topicId = Long.parseLong(payload.substring(0, colon));
            long postId = Long.parseLong(payload.substring(colon + 1));
            watchers.getOrDefault(topicId, List.of()).forEach(w -> w.accept(postId));
        } catch (NumberFormatException ignored) {
            // not ours
        }
    }
}
