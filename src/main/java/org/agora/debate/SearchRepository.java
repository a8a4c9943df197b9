package org.agora.debate;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.HtmlUtils;

/** Full-text search over posts and thread titles (tsvector columns with GIN indexes, websearch syntax). */
@Repository
class SearchRepository {
    private static final char START = '\u0001';
    private static final char STOP = '\u0002';

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchResult> search(String query, Long categoryId, Stance stance, int limit) {
        return jdbc.sql("""
                        with q as (select websearch_to_tsquery('english', :q) as query)
                        select t.id as topic_id, t.title, c.name as category, p.id as post_id, p.opening, p.stance,
                               coalesce(a.display_name, 'Agora') as author, p.created_at,
                               ts_headline('english', p.body, q.query,
                                           'StartSel=' || chr(1) || ', StopSel=' || chr(2) ||
                                           ', MaxWords=35, MinWords=12, MaxFragments=2') as snippet,
                               ts_rank(p.search, q.query) + case when p.opening and t.search @@ q.query then 1 else 0 end as rank
                          from q, debate_post p
                          join debate_topic t on t.id = p.topic_id
                          join debate_category c on c.id = t.category_id
                          left join account a on a.id = p.author_id
                         where (p.search @@ q.query or (p.opening and t.search @@ q.query))
                           and p.deleted_at is null and p.hidden_at is null and t.hidden_at is null
                           and (cast(:category as bigint) is null or t.category_id = :category)
                           and (cast(:stance as text) is null or p.stance = :stance)
                         order by rank desc, p.created_at desc, p.id desc
                         limit :limit
                        """)
                .param("q", query).param("category", categoryId)
                .param("stance", stance == null ? null : stance.name()).param("limit", limit)
                .query((rs, n) -> new SearchResult(rs.getLong("topic_id"), rs.getString("title"),
                        rs.getString("category"), rs.getLong("post_id"), rs.getBoolean("opening"),
                        Stance.valueOf(rs.getString("stance")), rs.getString("author"),
                        highlight(rs.getString("snippet")), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Escapes everything, then turns the markers PostgreSQL put around matches into {@code <mark>}. */
    static String highlight(String snippet) {
        String escaped = HtmlUtils.htmlEscape(snippet == null ? "" : snippet.replace("<", "‹").replace(">", "›"));
        return escaped.replace(String.valueOf(START), "<mark>").replace(String.valueOf(STOP), "</mark>");
    }
}
