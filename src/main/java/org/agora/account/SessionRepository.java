package org.agora.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {
    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, AccountId account, String ip, String userAgent, Instant now) {
        jdbc.sql("""
                        insert into account_session (id, account_id, created_at, last_seen_at, ip, user_agent)
                        values (:id, :account, :now, :now, :ip, :ua)
                        """)
                .param("id", id).param("account", account.value()).param("now", Timestamp.from(now))
                .param("ip", ip).param("ua", userAgent).update();
    }

    List<SignedInSession> active(AccountId account) {
        return jdbc.sql("""
                        select id, created_at, last_seen_at, ip, user_agent
                          from account_session
                         where account_id = :account and ended_at is null
                         order by last_seen_at desc
                        """)
                .param("account", account.value())
                .query((rs, n) -> new SignedInSession(rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                        rs.getString("ip"), rs.getString("user_agent"), false))
                .list();
    }

    /** Whether the session was ended (by its owner elsewhere, a reset or a moderator); empty if unknown. */
    Optional<Boolean> isEnded(UUID id) {
        return jdbc.sql("select ended_at is not null from account_session where id = :id")
                .param("id", id).query(Boolean.class).optional();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update account_session set last_seen_at = :now where id = :id and ended_at is null")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /** Ends one session, only if it belongs to {@code account}. @return whether it did */
    boolean end(AccountId account, UUID id, String reason, Instant now) {
        return jdbc.sql("""
                        update account_session set ended_at = :now, ended_reason = :reason
                         where id = :id and account_id = :account and ended_at is null
                        """)
                .param("id", id).param("account", account.value()).param("reason", reason)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Ends every session of the account except {@code keep} (may be null). @return the ended ids */
    List<UUID> endAll(AccountId account, UUID keep, String reason, Instant now) {
        return jdbc.sql("""
                        update account_session set ended_at = :now, ended_reason = :reason
                         where account_id = :account and ended_at is null
                           and (cast(:keep as uuid) is null or id <> cast(:keep as uuid))
                        returning id
                        """)
                .param("account", account.value()).param("keep", keep).param("reason", reason)
                .param("now", Timestamp.from(now))
                .query(UUID.class).list();
    }

    void endById(UUID id, String reason, Instant now) {
        jdbc.sql("update account_session set ended_at = :now, ended_reason = :reason where id = :id and ended_at is null")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update();
    }
}
