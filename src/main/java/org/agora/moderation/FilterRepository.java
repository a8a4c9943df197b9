package org.agora.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Watched words and blocked link domains (moderation_watched_word, moderation_blocked_domain). */
@Repository
class FilterRepository {
    private final JdbcClient jdbc;

    FilterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WatchedWord> words() {
        return jdbc.sql("select id, word, action, replacement from moderation_watched_word order by normalized")
                .query((rs, n) -> new WatchedWord(rs.getLong("id"), rs.getString("word"),
                        WatchedWord.Action.valueOf(rs.getString("action")), rs.getString("replacement")))
                .list();
    }

    Optional<WatchedWord> word(long id) {
        return jdbc.sql("select id, word, action, replacement from moderation_watched_word where id = :id")
                .param("id", id)
                .query((rs, n) -> new WatchedWord(rs.getLong("id"), rs.getString("word"),
                        WatchedWord.Action.valueOf(rs.getString("action")), rs.getString("replacement")))
                .optional();
    }

    /** Adds the word, or changes the action of the word with the same normalized form. @return its id */
    long upsertWord(String word, String normalized, WatchedWord.Action action, String replacement, Instant now,
                    Long by) {
        return jdbc.sql("""
                        insert into moderation_watched_word (word, normalized, action, replacement, created_at, created_by)
                        values (:word, :normalized, :action, :replacement, :now, :by)
                        on conflict (normalized) do update set word = excluded.word, action = excluded.action,
                               replacement = excluded.replacement
                        returning id
                        """)
                .param("word", word).param("normalized", normalized).param("action", action.name())
                .param("replacement", replacement).param("now", Timestamp.from(now)).param("by", by)
                .query(Long.class).single();
    }

    Optional<WatchedWord> wordByNormalized(String normalized) {
        return jdbc.sql("select id, word, action, replacement from moderation_watched_word where normalized = :n")
                .param("n", normalized)
                .query((rs, n) -> new WatchedWord(rs.getLong("id"), rs.getString("word"),
                        WatchedWord.Action.valueOf(rs.getString("action")), rs.getString("replacement")))
                .optional();
    }

    boolean deleteWord(long id) {
        return jdbc.sql("delete from moderation_watched_word where id = :id").param("id", id).update() == 1;
    }

    List<String> domains() {
        return jdbc.sql("select domain from moderation_blocked_domain order by domain").query(String.class).list();
    }

    boolean insertDomain(String domain, Instant now, Long by) {
        return jdbc.sql("""
                        insert into moderation_blocked_domain (domain, created_at, created_by) values (:d, :now, :by)
                        on conflict do nothing
                        """)
                .param("d", domain).param("now", Timestamp.from(now)).param("by", by).update() == 1;
    }

    boolean deleteDomain(String domain) {
        return jdbc.sql("delete from moderation_blocked_domain where domain = :d").param("d", domain).update() == 1;
    }
}
