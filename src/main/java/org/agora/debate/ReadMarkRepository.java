package org.agora.debate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReadMarkRepository {
    private final JdbcClient jdbc;

    ReadMarkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> lastSeen(long accountId, long topicId) {
        return jdbc.sql("select last_seen_at from debate_read_mark where account_id = :a and topic_id = :t")
                .param("a", accountId).param("t", topicId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Moves the mark forward only (reading an old page on another tab never un-reads newer posts). */
    void markSeen(long accountId, long topicId, Instant upTo) {
        jdbc.sql("""
                        insert into debate_read_mark (account_id, topic_id, last_seen_at) values (:a, :t, :at)
                        on conflict (account_id, topic_id)
                        do update set last_seen_at = greatest(debate_read_mark.last_seen_at, excluded.last_seen_at)
                        """)
                .param("a", accountId).param("t", topicId).param("at", Timestamp.from(upTo)).update();
    }

    /** The first post after {@code after} in the thread and how many posts came after it. */
    Optional<Unread> firstAfter(long topicId, long authorToSkip, Instant after) {
        return jdbc.sql("""
                        select min(created_at) as first_at, count(*) as n
                          from debate_post
                         where topic_id = :t and created_at > :after and coalesce(author_id, 0) <> :me
                        having count(*) > 0
                        """)
                .param("t", topicId).param("after", Timestamp.from(after)).param("me", authorToSkip)
                .query((rs, i) -> new Unread(rs.getTimestamp("first_at").toInstant(), rs.getInt("n")))
                .optional();
    }

    /** Unread posts of a thread for one member: when the first one was written, and how many there are. */
    record Unread(Instant firstAt, int count) {
    }
}
