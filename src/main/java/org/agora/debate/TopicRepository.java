package org.agora.debate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TopicRepository {
    private static final String SELECT = """
            select t.id, t.title, t.summary, t.question_kind, t.featured, t.created_at, t.tags, t.locked,
                   t.pro_count, t.con_count, t.neutral_count, t.reply_count, t.last_activity_at,
                   t.author_id, t.hidden_at, t.hidden_reason,
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

    Optional<Category> category(long id) {
        return categories().stream().filter(c -> c.id() == id).findFirst();
    }

    List<Topic> featured() {
        return jdbc.sql(SELECT + " where t.featured is not null and t.hidden_at is null order by t.featured")
                .query(TopicRepository::map).list();
    }

    /**
     * One keyset page of topics in the given order, after {@code after} (null for the first page), optionally
     * in one category and with one tag. Threads hidden by moderators are never listed.
     */
    List<Topic> page(TopicSort sort, Long categoryId, String tag, Topic after, int limit) {
        return page(sort, categoryId, tag, after, limit, false);
    }

    /** Like {@link #page(TopicSort, Long, String, Topic, int)}; with {@code pinnedApart}, pinned threads are left out. */
    List<Topic> page(TopicSort sort, Long categoryId, String tag, Topic after, int limit, boolean pinnedApart) {
        if (after == null) {
            return page(sort, categoryId, tag, null, 0, 0, limit, pinnedApart);
        }
        Instant afterAt = sort == TopicSort.NEWEST ? after.createdAt() : after.lastActivityAt();
        return page(sort, categoryId, tag, afterAt, after.replies(), after.id(), limit, pinnedApart);
    }

    /** Pinned threads (not hidden), newest pin first, optionally in one category and with one tag. */
    List<Topic> pinned(Long categoryId, String tag, int limit) {
        return jdbc.sql(SELECT + """
                         where t.pinned_at is not null and t.hidden_at is null
                           and (cast(:category as bigint) is null or t.category_id = :category)
                           and (cast(:tag as text) is null or t.tags @> array[cast(:tag as text)])
                         order by t.pinned_at desc, t.id desc
                         limit :limit
                        """)
                .param("category", categoryId).param("tag", tag).param("limit", limit)
                .query(TopicRepository::map).list();
    }

    int pinnedCount() {
        return jdbc.sql("select count(*) from debate_topic where pinned_at is not null").query(Integer.class).single();
    }

    /** @return whether it changed */
    boolean pin(long topicId, boolean pinned, Instant now) {
        return jdbc.sql("""
                        update debate_topic set pinned_at = case when :pinned then cast(:now as timestamptz) end
                         where id = :id and (pinned_at is not null) <> :pinned
                        """)
                .param("pinned", pinned).param("now", Timestamp.from(now)).param("id", topicId).update() == 1;
    }

    /**
     * One keyset page of topics after a position in the given order, as a cursor keeps it: the sort key
     * ({@code afterAt} for LATEST_ACTIVITY and NEWEST, {@code afterCount} for MOST_ACTIVE) and the id.
     * A null {@code afterAt} with a zero {@code afterId} asks for the first page.
     */
    List<Topic> page(TopicSort sort, Long categoryId, String tag, Instant afterAt, int afterCount, long afterId,
                     int limit) {
        return page(sort, categoryId, tag, afterAt, afterCount, afterId, limit, false);
    }

    private List<Topic> page(TopicSort sort, Long categoryId, String tag, Instant afterAt, int afterCount,
                             long afterId, int limit, boolean pinnedApart) {
        String keyset = switch (sort) {
            case LATEST_ACTIVITY -> "(t.last_activity_at, t.id) < (cast(:afterAt as timestamptz), :afterId)";
            case NEWEST -> "(t.created_at, t.id) < (cast(:afterAt as timestamptz), :afterId)";
            case MOST_ACTIVE -> "(t.reply_count, t.id) < (:afterCount, :afterId)";
        };
        String order = switch (sort) {
            case LATEST_ACTIVITY -> "t.last_activity_at desc, t.id desc";
            case NEWEST -> "t.created_at desc, t.id desc";
            case MOST_ACTIVE -> "t.reply_count desc, t.id desc";
        };
        boolean first = sort == TopicSort.MOST_ACTIVE ? afterId == 0 : afterAt == null;
        return jdbc.sql(SELECT + """
                         where t.hidden_at is null
                           and (cast(:category as bigint) is null or t.category_id = :category)
                           and (cast(:tag as text) is null or t.tags @> array[cast(:tag as text)])
                           and (:first or %s)
                           and (not :pinnedApart or t.pinned_at is null)
                         order by %s
                         limit :limit
                        """.formatted(keyset, order))
                .param("category", categoryId)
                .param("tag", tag)
                .param("first", first)
                .param("pinnedApart", pinnedApart)
                .param("afterAt", afterAt == null ? null : Timestamp.from(afterAt))
                .param("afterCount", afterCount)
                .param("afterId", afterId)
                .param("limit", limit)
                .query(TopicRepository::map).list();
    }

    Optional<Topic> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TopicRepository::map).optional();
    }

    long insert(long categoryId, long authorId, String title, String summary, List<String> tags, Instant now) {
        return jdbc.sql("""
                        insert into debate_topic (category_id, author_id, title, summary, question_kind, tags,
                                                  created_at, last_activity_at)
                        values (:category, :author, :title, :summary, 'OPEN', :tags, :now, :now)
                        returning id
                        """)
                .param("category", categoryId).param("author", authorId).param("title", title)
                .param("summary", summary).param("tags", tags.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Counts a new post in its thread, in the posting transaction (one row per thread: no global hot spot). */
    void countPost(long topicId, Stance stance, boolean reply, Instant now) {
        jdbc.sql("""
                        update debate_topic
                           set pro_count = pro_count + case when :stance = 'PRO' then 1 else 0 end,
                               con_count = con_count + case when :stance = 'CON' then 1 else 0 end,
                               neutral_count = neutral_count + case when :stance = 'NEUTRAL' then 1 else 0 end,
                               reply_count = reply_count + case when :reply then 1 else 0 end,
                               last_activity_at = greatest(last_activity_at, :now)
                         where id = :id
                        """)
                .param("stance", stance.name()).param("reply", reply).param("now", Timestamp.from(now))
                .param("id", topicId).update();
    }

    void uncountPost(long topicId, Stance stance, boolean reply) {
        jdbc.sql("""
                        update debate_topic
                           set pro_count = pro_count - case when :stance = 'PRO' then 1 else 0 end,
                               con_count = con_count - case when :stance = 'CON' then 1 else 0 end,
                               neutral_count = neutral_count - case when :stance = 'NEUTRAL' then 1 else 0 end,
                               reply_count = reply_count - case when :reply then 1 else 0 end
                         where id = :id
                        """)
                .param("stance", stance.name()).param("reply", reply).param("id", topicId).update();
    }

    /** Whether the thread is closed to posting (locked, or hidden by moderators); empty if there is no such thread. */
    Optional<Boolean> isLocked(long topicId) {
        return jdbc.sql("select locked or hidden_at is not null from debate_topic where id = :id")
                .param("id", topicId).query(Boolean.class).optional();
    }

    Optional<ThreadControls.State> controls(long topicId) {
        return jdbc.sql("select locked, pinned_at is not null as pinned, slow_mode_minutes, slow_mode_until from debate_topic where id = :id")
                .param("id", topicId)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp("slow_mode_until");
                    return new ThreadControls.State(rs.getBoolean("locked"), rs.getBoolean("pinned"), rs.getObject("slow_mode_minutes", Integer.class),
                            until == null ? null : until.toInstant());
                })
                .optional();
    }

    /** @return whether it changed */
    /** Moves the thread to another category. @return false if it was in that category already */
    boolean move(long topicId, long categoryId) {
        return jdbc.sql("""
                        update debate_topic set category_id = :category, version = version + 1
                         where id = :id and category_id <> :category
                        """)
                .param("category", categoryId).param("id", topicId).update() == 1;
    }

    boolean lock(long topicId, boolean locked) {
        return jdbc.sql("update debate_topic set locked = :locked, version = version + 1 where id = :id and locked <> :locked")
                .param("locked", locked).param("id", topicId).update() == 1;
    }

    void setSlowMode(long topicId, Integer minutes, Instant until) {
        jdbc.sql("update debate_topic set slow_mode_minutes = :minutes, slow_mode_until = :until where id = :id")
                .param("minutes", minutes).param("until", until == null ? null : Timestamp.from(until))
                .param("id", topicId).update();
    }

    void setLocked(long topicId, boolean locked) {
        jdbc.sql("update debate_topic set locked = :locked where id = :id")
                .param("locked", locked).param("id", topicId).update();
    }

    /** Hides the thread (moderators). @return false if it was hidden already */
    boolean hide(long topicId, String reason, Instant now) {
        return jdbc.sql("""
                        update debate_topic set hidden_at = :now, hidden_reason = :reason, version = version + 1
                         where id = :id and hidden_at is null
                        """)
                .param("now", Timestamp.from(now)).param("reason", reason).param("id", topicId).update() == 1;
    }

    /** Shows a hidden thread again. @return false if it was not hidden */
    boolean restore(long topicId) {
        return jdbc.sql("""
                        update debate_topic set hidden_at = null, hidden_reason = null, version = version + 1
                         where id = :id and hidden_at is not null
                        """)
                .param("id", topicId).update() == 1;
    }

    static Topic map(ResultSet rs, int n) throws SQLException {
        var category = new Category(rs.getLong("category_id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("description"));
        int featured = rs.getInt("featured");
        Integer featuredOrNull = rs.wasNull() ? null : featured;
        Array tags = rs.getArray("tags");
        List<String> tagList = tags == null ? List.of() : Arrays.asList((String[]) tags.getArray());
        Timestamp hidden = rs.getTimestamp("hidden_at");
        return new Topic(rs.getLong("id"), category, rs.getString("title"), rs.getString("summary"),
                QuestionKind.valueOf(rs.getString("question_kind")), featuredOrNull,
                rs.getTimestamp("created_at").toInstant(), List.copyOf(tagList), rs.getBoolean("locked"),
                rs.getInt("pro_count"), rs.getInt("con_count"), rs.getInt("neutral_count"),
                rs.getInt("reply_count"), rs.getTimestamp("last_activity_at").toInstant(),
                rs.getObject("author_id", Long.class), hidden == null ? null : hidden.toInstant(),
                rs.getString("hidden_reason"), false);
    }
}
