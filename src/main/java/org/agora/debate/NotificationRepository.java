package org.agora.debate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.agora.shared.text.Markdown;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {
    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void follow(long accountId, long topicId) {
        jdbc.sql("insert into debate_follow (account_id, topic_id) values (:a, :t) on conflict do nothing")
                .param("a", accountId).param("t", topicId).update();
    }

    void unfollow(long accountId, long topicId) {
        jdbc.sql("delete from debate_follow where account_id = :a and topic_id = :t")
                .param("a", accountId).param("t", topicId).update();
    }

    boolean follows(long accountId, long topicId) {
        return jdbc.sql("select exists (select 1 from debate_follow where account_id = :a and topic_id = :t)")
                .param("a", accountId).param("t", topicId).query(Boolean.class).single();
    }

    /**
     * Notifies the parent's author and the mentioned members of a new post, in that order of precedence (one
     * notification per member), never the author. @return the notified account ids
     */
    List<Long> fanOut(long topicId, long postId, long authorId, Long parentAuthorId, Collection<String> mentions,
                      Instant now) {
        var notified = new java.util.ArrayList<Long>();
        if (parentAuthorId != null && parentAuthorId != authorId) {
            notified.addAll(jdbc.sql("""
                            insert into debate_notification (account_id, kind, topic_id, post_id, actor_id, created_at)
                            values (:recipient, 'REPLY', :topic, :post, :actor, :now)
                            on conflict (account_id, post_id) where kind <> 'MODERATION' do nothing
                            returning account_id
                            """)
                    .param("recipient", parentAuthorId).param("topic", topicId).param("post", postId)
                    .param("actor", authorId).param("now", Timestamp.from(now))
                    .query(Long.class).list());
        }
        if (!mentions.isEmpty()) {
            notified.addAll(jdbc.sql("""
                            insert into debate_notification (account_id, kind, topic_id, post_id, actor_id, created_at)
                            select a.id, 'MENTION', :topic, :post, :actor, :now
                              from account a
                             where lower(a.username) in (:names) and a.id <> :actor
                            on conflict (account_id, post_id) where kind <> 'MODERATION' do nothing
                            returning account_id
                            """)
                    .param("names", List.copyOf(mentions)).param("topic", topicId).param("post", postId)
                    .param("actor", authorId).param("now", Timestamp.from(now))
                    .query(Long.class).list());
        }
        return notified;
    }

    /** Tells the thread's followers of a new post (after the direct notifications; never the author). */
    List<Long> fanOutToFollowers(long topicId, long postId, long authorId, Instant now) {
        var notified = new java.util.ArrayList<Long>();
        notified.addAll(jdbc.sql("""
                        insert into debate_notification (account_id, kind, topic_id, post_id, actor_id, created_at)
                        select f.account_id, 'FOLLOWED_POST', :topic, :post, :actor, :now
                          from debate_follow f
                         where f.topic_id = :topic and f.account_id <> :actor
                        on conflict (account_id, post_id) where kind <> 'MODERATION' do nothing
                        returning account_id
                        """)
                .param("topic", topicId).param("post", postId).param("actor", authorId)
                .param("now", Timestamp.from(now))
                .query(Long.class).list());
        return notified;
    }

    /** Tells an author of moderators' decision on their post (no actor: it comes from "Agora"). */
    void moderationNotice(long recipientId, long topicId, long postId, String note, Instant now) {
        jdbc.sql("""
                        insert into debate_notification (account_id, kind, topic_id, post_id, actor_id, created_at, note)
                        values (:recipient, 'MODERATION', :topic, :post, null, :now, :note)
                        """)
                .param("recipient", recipientId).param("topic", topicId).param("post", postId)
                .param("now", Timestamp.from(now)).param("note", note).update();
    }

    long unread(long accountId) {
        return jdbc.sql("select count(*) from debate_notification where account_id = :a and read_at is null")
                .param("a", accountId).query(Long.class).single();
    }

    /** Newest first, one keyset page before (createdAt, id); null for the first page. */
    List<Notification> inbox(long accountId, Instant beforeAt, long beforeId, int limit) {
        return jdbc.sql("""
                        select n.id, n.kind, n.topic_id, case when t.hidden_at is null then t.title else '' end as title,
                               n.post_id, coalesce(a.display_name, 'Agora') as actor,
                               p.body, n.note, p.deleted_at is not null or p.hidden_at is not null or t.hidden_at is not null
                                   as withheld, n.created_at, n.read_at
                          from debate_notification n
                          join debate_topic t on t.id = n.topic_id
                          join debate_post p on p.id = n.post_id
                          left join account a on a.id = n.actor_id
                         where n.account_id = :a
                           and (cast(:beforeAt as timestamptz) is null
                                or (n.created_at, n.id) < (cast(:beforeAt as timestamptz), :beforeId))
                         order by n.created_at desc, n.id desc
                         limit :limit
                        """)
                .param("a", accountId).param("beforeAt", beforeAt == null ? null : Timestamp.from(beforeAt))
                .param("beforeId", beforeId).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getLong("id"), Notification.Kind.valueOf(rs.getString("kind")),
                        rs.getLong("topic_id"), rs.getString("title"), rs.getLong("post_id"), rs.getString("actor"),
                        rs.getString("note") != null ? rs.getString("note")
                                : rs.getBoolean("withheld") ? "" : Markdown.toPlainText(rs.getString("body"), 160),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
                .list();
    }

    /** Marks one of the member's notifications read; another member's id changes nothing. */
    boolean markRead(long accountId, long notificationId, Instant now) {
        return jdbc.sql("""
                        update debate_notification set read_at = :now
                         where id = :id and account_id = :a and read_at is null
                        """)
                .param("now", Timestamp.from(now)).param("id", notificationId).param("a", accountId).update() == 1;
    }

    int markAllRead(long accountId, Instant now) {
        return jdbc.sql("update debate_notification set read_at = :now where account_id = :a and read_at is null")
                .param("now", Timestamp.from(now)).param("a", accountId).update();
    }
}
