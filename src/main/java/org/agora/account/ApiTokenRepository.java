package org.agora.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens; like mailed tokens, only their SHA-256 hash is stored. */
@Repository
class ApiTokenRepository {
    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An active token found by its hash, with what the API needs to know about its owner. */
    record Found(long tokenId, ApiScope scope, Instant lastUsedAt, AccountId accountId, String username, Role role,
                 boolean emailVerified) {
    }

    /** Locks the member's row, so that two concurrent creations cannot both pass the limit of active tokens. */
    void lockOwner(AccountId account) {
        jdbc.sql("select id from account where id = :id for no key update")
                .param("id", account.value()).query(Long.class).optional();
    }

    int countActive(AccountId account) {
        return jdbc.sql("select count(*) from account_api_token where account_id = :account and revoked_at is null")
                .param("account", account.value()).query(Integer.class).single();
    }

    ApiToken insert(AccountId account, String name, ApiScope scope, byte[] hash, Instant now) {
        long id = jdbc.sql("""
                        insert into account_api_token (account_id, name, scope, token_hash, created_at)
                        values (:account, :name, :scope, :hash, :now)
                        returning id
                        """)
                .param("account", account.value()).param("name", name).param("scope", scope.name())
                .param("hash", hash).param("now", Timestamp.from(now))
                .query(Long.class).single();
        return new ApiToken(id, name, scope, now, null);
    }

    /** The member's tokens that are not revoked, oldest first. */
    List<ApiToken> active(AccountId account) {
        return jdbc.sql("""
                        select id, name, scope, created_at, last_used_at from account_api_token
                         where account_id = :account and revoked_at is null
                         order by created_at, id
                        """)
                .param("account", account.value()).query(ApiTokenRepository::map).list();
    }

    /** @return false if the token is not this member's, or revoked already */
    boolean revoke(AccountId account, long id, Instant now) {
        return jdbc.sql("""
                        update account_api_token set revoked_at = :now
                         where id = :id and account_id = :account and revoked_at is null
                        """)
                .param("now", Timestamp.from(now)).param("id", id).param("account", account.value())
                .update() == 1;
    }

    Optional<Found> findActive(byte[] hash) {
        return jdbc.sql("""
                        select t.id, t.scope, t.last_used_at, a.id as account_id, a.username, a.role,
                               a.email_verified_at is not null as email_verified
                          from account_api_token t join account a on a.id = t.account_id
                         where t.token_hash = :hash and t.revoked_at is null
                        """)
                .param("hash", hash)
                .query((rs, n) -> {
                    Timestamp used = rs.getTimestamp("last_used_at");
                    return new Found(rs.getLong("id"), ApiScope.valueOf(rs.getString("scope")),
                            used == null ? null : used.toInstant(), new AccountId(rs.getLong("account_id")),
                            rs.getString("username"), Role.valueOf(rs.getString("role")),
                            rs.getBoolean("email_verified"));
                })
                .optional();
    }

    /** Notes the token's use, unless that was noted less than a minute ago (so busy bots write little). */
    void touch(long id, Instant now) {
        jdbc.sql("""
                        update account_api_token set last_used_at = :now
                         where id = :id and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')
                        """)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    private static ApiToken map(ResultSet rs, int n) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        return new ApiToken(rs.getLong("id"), rs.getString("name"), ApiScope.valueOf(rs.getString("scope")),
                rs.getTimestamp("created_at").toInstant(), used == null ? null : used.toInstant());
    }
}
