package org.agora.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Times SQL as the app runs it (the statements are the repositories' own, with literals for parameters). */
final class Sql {
    /** The first screen of a thread: the thread row, then the first 50 posts of the timeline (PostRepository.timeline). */
    static final String FIRST_SCREEN = """
            select p.id, p.topic_id, p.author_id, a.username, a.display_name, p.parent_id, p.stance, p.relation,
                   p.body, p.body_html, p.opening, p.created_at, p.edited_at, p.deleted_at, p.version,
                   p.convincing, p.replies
              from debate_post p left join account a on a.id = p.author_id
             where p.topic_id = :topic
             order by p.created_at, p.id
             limit 50
            """;

    /** SearchRepository.search for "gigafactory regulation" over every post. */
    static final String SEARCH = """
            with q as (select websearch_to_tsquery('english', 'gigafactory or regulation') as query)
            select t.id as topic_id, t.title, c.name as category, p.id as post_id, p.opening, p.stance,
                   coalesce(a.display_name, 'Agora') as author, p.created_at,
                   ts_headline('english', p.body, q.query, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) ||
                               ', MaxWords=35, MinWords=12, MaxFragments=2') as snippet,
                   ts_rank(p.search, q.query) + case when p.opening and t.search @@ q.query then 1 else 0 end as rank
              from q, debate_post p
              join debate_topic t on t.id = p.topic_id
              join debate_category c on c.id = t.category_id
              left join account a on a.id = p.author_id
             where (p.search @@ q.query or (p.opening and t.search @@ q.query))
               and p.deleted_at is null
             order by rank desc, p.created_at desc, p.id desc
             limit 50
            """;

    record Timing(String name, double median, double p95, double p99) {
        String row(double baseline) {
            return String.format("| %s | %.2f | %.2f | %.2f | %.1f |", name, median, p95, p99,
                    baseline == 0 ? 0 : median / baseline);
        }
    }

    private Sql() {
    }

    /**
     * Times a statement as the app's JdbcClient runs it: a prepared statement with one bigint parameter (the driver
     * switches to a server-side prepared statement after 5 executions), {@code runs} times after 20 warm-ups.
     */
    static Timing timePrepared(Connection db, String name, String sql, long parameter, int runs) throws Exception {
        List<Long> samples = new ArrayList<>();
        try (var statement = db.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            for (int i = 0; i < runs + 20; i++) {
                long t0 = System.nanoTime();
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
                if (i >= 20) {
                    samples.add(System.nanoTime() - t0);
                }
            }
        }
        Collections.sort(samples);
        return new Timing(name, Load.percentile(samples, 0.5) / 1e6, Load.percentile(samples, 0.95) / 1e6,
                Load.percentile(samples, 0.99) / 1e6);
    }

    static Timing time(Connection db, String sql, int runs) throws Exception {
        String name = sql.strip().lines().findFirst().orElse(sql);
        if (sql == FIRST_SCREEN || sql.contains("order by p.created_at, p.id")) {
            name = "first screen of a 10,000-post thread";
        } else if (sql.contains("websearch_to_tsquery")) {
            name = "search over 100,000 posts (ranked, snippets)";
        }
        List<Long> samples = new ArrayList<>();
        try (var statement = db.createStatement()) {
            for (int i = 0; i < runs + 20; i++) {
                long t0 = System.nanoTime();
                try (var rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
                if (i >= 20) {
                    samples.add(System.nanoTime() - t0);
                }
            }
        }
        Collections.sort(samples);
        return new Timing(name, Load.percentile(samples, 0.5) / 1e6, Load.percentile(samples, 0.95) / 1e6,
                Load.percentile(samples, 0.99) / 1e6);
    }
}
