package org.agora.debate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to categories and topics; open to everyone, readers included. */
@Service
@Transactional(readOnly = true)
public class DebateCatalog {
    public static final int MAX_PAGE = 100;

    private final TopicRepository topics;

    DebateCatalog(TopicRepository topics) {
        this.topics = topics;
    }

    public List<Category> categories() {
        return topics.categories();
    }

    public List<Topic> featured() {
        return topics.featured();
    }

    /** One page of topics, newest first; pass the last topic of the previous page to get the next. */
    public List<Topic> latest(Long categoryId, Topic after, int limit) {
        int capped = Math.max(1, Math.min(limit, MAX_PAGE));
        Instant beforeAt = after == null ? null : after.createdAt();
        Long beforeId = after == null ? null : after.id();
        return topics.latest(categoryId, beforeAt, beforeId, capped);
    }

    /** Topics matching a search as people type it ("gpu jobs", "\"meaning\" -robots"). */
    public List<Topic> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 200) {
            return List.of();
        }
        return topics.search(q, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    public Optional<Topic> find(long id) {
        return topics.find(id);
    }
}
