package org.agora.debate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PostRepository {
    private static final String SELECT = """
            select p.id, p.topic_id, p.author_id, a.username, a.display_name, p.parent_id, p.stance, p.relation,
                   p.body, p.body_html, p.opening, p.created_at, p.edited_at, p.deleted_at, p.version,
                   p.convincing, p.replies, p.hidden_at, p.hidden_reason, p.deleted_reason
              from debate_post p left join account a on a.id = p.author_id
            """;

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new post's id, or empty if this author already sent this client key (a double submit) */
    Optional<Long> insert(long topicId, Long authorId, Long parentId, Stance stance, Relation relation, String body,
                          String html, boolean opening, UUID clientKey, Instant now) {
        return jdbc.sql("""
                        insert into debate_post (topic_id, author_id, parent_id, stance, relation, body, body_html,
                                                 opening, client_key, created_at)
                        values (:topic, :author, :parent, :stance, :relation, :body, :html, :opening, :key, :now)
                        on conflict (author_id, client_key) where client_key is not null do nothing
                        returning id
                        """)
                .param("topic", topicId).param("author", authorId).param("parent", parentId)
                .param("stance", stance.name()).param("relation", relation == null ? null : relation.name())
                .param("body", body).param("html", html).param("opening", opening).param("key", clientKey)
                .param("now", Timestamp.from(now))
                .query(Long.class).optional();
    }

    Optional<Long> findByClientKey(long authorId, UUID clientKey) {
        return jdbc.sql("select id from debate_post where author_id = :author and client_key = :key")
                .param("author", authorId).param("key", clientKey).query(Long.class).optional();
    }

    /** When the member last posted in the thread (removed posts count too), if ever. */
    Optional<Instant> lastPostAt(long topicId, long authorId) {
        return jdbc.sql("select max(created_at) from debate_post where topic_id = :topic and author_id = :author")
                .param("topic", topicId).param("author", authorId)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    Optional<Post> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PostRepository::map).optional();
    }

    /** Chronological keyset page of a thread: posts after (createdAt, id), oldest first. */
    List<Post> timeline(long topicId, Instant afterAt, long afterId, int limit) {
        return jdbc.sql(SELECT + """
                         where p.topic_id = :topic
                           and (cast(:afterAt as timestamptz) is null or (p.created_at, p.id) > (cast(:afterAt as timestamptz), :afterId))
                         order by p.created_at, p.id
                         limit :limit
                        """)
                .param("topic", topicId).param("afterAt", afterAt == null ? null : Timestamp.from(afterAt))
                .param("afterId", afterId).param("limit", limit)
                .query(PostRepository::map).list();
    }

    /** The newest posts of a thread, newest first: the thread's index read backwards, deleted posts included. */
    List<Post> latest(long topicId, int limit) {
        return jdbc.sql(SELECT + """
                         where p.topic_id = :topic
                         order by p.created_at desc, p.id desc
                         limit :n
                        """)
                .param("topic", topicId).param("n", limit)
                .query(PostRepository::map).list();
    }

    /** The opening post of each of these threads (one per thread, by a unique index). */
    List<Post> openings(Collection<Long> topicIds) {
        if (topicIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where p.opening and p.topic_id in (:topics)
                        """)
                .param("topics", List.copyOf(topicIds))
                .query(PostRepository::map).list();
    }

    List<MemberProfile.RecentPost> byAuthor(long authorId, int limit) {
        return jdbc.sql("""
                        select p.topic_id, t.title, p.id, p.stance, p.body, p.created_at
                          from debate_post p join debate_topic t on t.id = p.topic_id
                         where p.author_id = :author and p.deleted_at is null
                           and p.hidden_at is null and t.hidden_at is null
                         order by p.created_at desc, p.id desc
                         limit :limit
                        """)
                .param("author", authorId).param("limit", limit)
                .query((rs, n) -> new MemberProfile.RecentPost(rs.getLong("topic_id"), rs.getString("title"),
                        rs.getLong("id"), Stance.valueOf(rs.getString("stance")), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void countReply(long parentId, int delta) {
        jdbc.sql("update debate_post set replies = replies + :delta where id = :id")
                .param("delta", delta).param("id", parentId).update();
    }

    /** Saves an edit if nobody changed the post since {@code version}; keeps the old text as a revision. */
    boolean edit(long postId, long authorId, int version, String body, String html, Instant now) {
        int kept = jdbc.sql("""
                        insert into debate_post_revision (post_id, version, body, created_at)
                        select id, version, body, coalesce(edited_at, created_at) from debate_post
                         where id = :id and author_id = :author and version = :version and deleted_at is null
                        on conflict do nothing
                        """)
                .param("id", postId).param("author", authorId).param("version", version).update();
        if (kept == 0) {
            return false;
        }
        return jdbc.sql("""
                        update debate_post set body = :body, body_html = :html, edited_at = :now, version = version + 1
                         where id = :id and author_id = :author and version = :version and deleted_at is null
                        """)
                .param("body", body).param("html", html).param("now", Timestamp.from(now))
                .param("id", postId).param("author", authorId).param("version", version).update() == 1;
    }

    /**
     * A moderator's edit: saves the new text if nobody changed the post since {@code version}, keeping the old
     * text as a revision marked as replaced by staff.
     */
    boolean staffEdit(long postId, int version, String body, String html, Instant now) {
        int kept = jdbc.sql("""
                        insert into debate_post_revision (post_id, version, body, created_at, replaced_by_staff)
                        select id, version, body, coalesce(edited_at, created_at), true from debate_post
                         where id = :id and version = :version
                        on conflict do nothing
                        """)
                .param("id", postId).param("version", version).update();
        if (kept == 0) {
            return false;
        }
        return jdbc.sql("""
                        update debate_post set body = :body, body_html = :html, edited_at = :now, version = version + 1
                         where id = :id and version = :version
                        """)
                .param("body", body).param("html", html).param("now", Timestamp.from(now))
                .param("id", postId).param("version", version).update() == 1;
    }

    boolean softDelete(long postId, long authorId, Instant now) {
        return jdbc.sql("""
                        update debate_post set deleted_at = :now, version = version + 1
                         where id = :id and author_id = :author and deleted_at is null and not opening
                        """)
                .param("now", Timestamp.from(now)).param("id", postId).param("author", authorId).update() == 1;
    }

    /** Hides a post (moderators). @return false if it was hidden already */
    boolean hide(long postId, String reason, Instant now) {
        return jdbc.sql("""
                        update debate_post set hidden_at = :now, hidden_reason = :reason, version = version + 1
                         where id = :id and hidden_at is null
                        """)
                .param("now", Timestamp.from(now)).param("reason", reason).param("id", postId).update() == 1;
    }

    /** Shows a hidden post again. @return false if it was not hidden */
    boolean unhide(long postId) {
        return jdbc.sql("""
                        update debate_post set hidden_at = null, hidden_reason = null, version = version + 1
                         where id = :id and hidden_at is not null
                        """)
                .param("id", postId).update() == 1;
    }

    /** Removes a post (moderators): soft-deleted with their reason, any post, opening ones included. */
    boolean remove(long postId, String reason, Instant now) {
        return jdbc.sql("""
                        update debate_post set deleted_at = :now, deleted_reason = :reason, version = version + 1
                         where id = :id and deleted_at is null
                        """)
                .param("now", Timestamp.from(now)).param("reason", reason).param("id", postId).update() == 1;
    }

    /** Brings back a post moderators removed (never one its author deleted). */
    boolean unremove(long postId) {
        return jdbc.sql("""
                        update debate_post set deleted_at = null, deleted_reason = null, version = version + 1
                         where id = :id and deleted_reason is not null
                        """)
                .param("id", postId).update() == 1;
    }

    List<Revision> revisions(long postId) {
        return jdbc.sql("""
                        select post_id, version, body, created_at, replaced_by_staff from debate_post_revision
                         where post_id = :id order by version
                        """)
                .param("id", postId)
                .query((rs, n) -> new Revision(rs.getLong("post_id"), rs.getInt("version"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("replaced_by_staff")))
                .list();
    }

    /** @return true if this member had not found the post convincing yet */
    boolean addReaction(long postId, long accountId, Instant now) {
        boolean added = jdbc.sql("""
                        insert into debate_reaction (post_id, account_id, created_at) values (:post, :account, :now)
                        on conflict do nothing
                        """)
                .param("post", postId).param("account", accountId).param("now", Timestamp.from(now)).update() == 1;
        if (added) {
            jdbc.sql("update debate_post set convincing = convincing + 1 where id = :id").param("id", postId).update();
        }
        return added;
    }

    boolean removeReaction(long postId, long accountId) {
        boolean removed = jdbc.sql("delete from debate_reaction where post_id = :post and account_id = :account")
                .param("post", postId).param("account", accountId).update() == 1;
        if (removed) {
            jdbc.sql("update debate_post set convincing = convincing - 1 where id = :id").param("id", postId).update();
        }
        return removed;
    }

    /** Which of these posts the member found convincing. */
    List<Long> convincedBy(long accountId, long topicId) {
        return jdbc.sql("""
                        select r.post_id from debate_reaction r join debate_post p on p.id = r.post_id
                         where r.account_id = :account and p.topic_id = :topic
                        """)
                .param("account", accountId).param("topic", topicId).query(Long.class).list();
    }

    long convincingReceived(long authorId) {
        return jdbc.sql("select coalesce(sum(convincing), 0) from debate_post where author_id = :author and deleted_at is null")
                .param("author", authorId).query(Long.class).single();
    }

    long postCount(long authorId) {
        return jdbc.sql("select count(*) from debate_post where author_id = :author and deleted_at is null")
                .param("author", authorId).query(Long.class).single();
    }

    /** The member's posts that stand (neither deleted nor hidden, in a visible thread), counted up to {@code upTo}. */
    int approvedCount(long authorId, int upTo) {
        return jdbc.sql("""
                        select count(*) from (
                            select 1 from debate_post p join debate_topic t on t.id = p.topic_id
                             where p.author_id = :author and p.deleted_at is null and p.hidden_at is null
                               and t.hidden_at is null
                             limit :upTo) approved
                        """)
                .param("author", authorId).param("upTo", upTo).query(Integer.class).single();
    }

    /** Whether anyone but the opening post has posted in the thread. */
    boolean hasReplies(long topicId) {
        return jdbc.sql("select exists (select 1 from debate_post where topic_id = :t and not opening)")
                .param("t", topicId).query(Boolean.class).single();
    }

    /** Posts stored before their HTML was rendered (seeded by a migration). */
    List<Post> uncooked() {
        return jdbc.sql(SELECT + " where p.body_html = '' order by p.id").query(PostRepository::map).list();
    }

    void setHtml(long postId, String html) {
        jdbc.sql("update debate_post set body_html = :html where id = :id").param("html", html).param("id", postId).update();
    }

    static Post map(ResultSet rs, int n) throws SQLException {
        long authorId = rs.getLong("author_id");
        Author author = rs.wasNull() ? Author.SYSTEM
                : new Author(authorId, rs.getString("username"), rs.getString("display_name"));
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        String relation = rs.getString("relation");
        Timestamp edited = rs.getTimestamp("edited_at");
        Timestamp deleted = rs.getTimestamp("deleted_at");
        Timestamp hidden = rs.getTimestamp("hidden_at");
        return new Post(rs.getLong("id"), rs.getLong("topic_id"), author, parentId, Stance.valueOf(rs.getString("stance")),
                relation == null ? null : Relation.valueOf(relation), rs.getString("body"), rs.getString("body_html"),
                rs.getBoolean("opening"), rs.getTimestamp("created_at").toInstant(),
                edited == null ? null : edited.toInstant(), deleted == null ? null : deleted.toInstant(),
                rs.getInt("version"), rs.getInt("convincing"), rs.getInt("replies"),
                hidden == null ? null : hidden.toInstant(), rs.getString("hidden_reason"),
                rs.getString("deleted_reason"), false);
    }
}
