package org.agora.debate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TopicRepository {
    private static final String SELECT = """
            select t.id, t.title, t.summary, t.question_kind, t.featured, t.created_at,
                   c.id as category_id, c.slug, c.name, c.description
              from debate_topic t join debate_category c on c.id = t.category_id
            """;

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Category> categories() {
        return jdbc.sql("select id, slug, name, description from debate_category order by position, id")
                .query((rs, n) -> new Category(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description")))
                .list();
    }

    List<Topic> featured() {
        return jdbc.sql(SELECT + " where t.featured is not null order by t.featured")
                .query(TopicRepository::map).list();
    }

    /** Newest first, one keyset page after ({@code beforeAt}, {@code beforeId}); null for the first page. */
    List<Topic> latest(Long categoryId, java.time.Instant beforeAt, Long beforeId, int limit) {
        return jdbc.sql(SELECT + """
                         where (cast(:category as bigint) is null or t.category_id = :category)
                           and (cast(:beforeAt as timestamptz) is null
                                or (t.created_at, t.id) < (cast(:beforeAt as timestamptz), :beforeId))
                         order by t.created_at desc, t.id desc
                         limit :limit
                        """)
                .param("category", categoryId)
                .param("beforeAt", beforeAt == null ? null : java.sql.Timestamp.from(beforeAt))
                .param("beforeId", beforeId == null ? 0L : beforeId)
                .param("limit", limit)
                .query(TopicRepository::map).list();
    }

    /** Full-text search (PostgreSQL websearch syntax) over titles and summaries, best match first. */
    List<Topic> search(String query, int limit) {
        return jdbc.sql(SELECT + """
                         where to_tsvector('english', t.title || ' ' || t.summary) @@ websearch_to_tsquery('english', :q)
                         order by ts_rank(to_tsvector('english', t.title || ' ' || t.summary),
                                          websearch_to_tsquery('english', :q)) desc, t.id
                         limit :limit
                        """)
                .param("q", query).param("limit", limit)
                .query(TopicRepository::map).list();
    }

    Optional<Topic> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TopicRepository::map).optional();
    }

    private static Topic map(ResultSet rs, int n) throws SQLException {
        var category = new Category(rs.getLong("category_id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("description"));
        int featured = rs.getInt("featured");
        return new Topic(rs.getLong("id"), category, rs.getString("title"), rs.getString("summary"),
                QuestionKind.valueOf(rs.getString("question_kind")), rs.wasNull() ? null : featured,
                rs.getTimestamp("created_at").toInstant());
    }
}
