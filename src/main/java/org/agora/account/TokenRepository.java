package org.agora.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use, expiring tokens sent by mail. Only their SHA-256 hash is stored. */
@Repository
class TokenRepository {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a token and returns its plain value (to be mailed, never stored). */
    String create(AccountId account, TokenPurpose purpose, Instant now) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("""
                        insert into account_token (account_id, purpose, token_hash, created_at, expires_at)
                        values (:account, :purpose, :hash, :now, :expires)
                        """)
                .param("account", account.value()).param("purpose", purpose.name()).param("hash", hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(purpose.lifetime)))
                .update();
        return token;
    }

    /** Marks the token used, atomically; empty if it is unknown, used already, expired or for another purpose. */
    Optional<AccountId> consume(String token, TokenPurpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update account_token set used_at = :now
                         where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning account_id
                        """)
                .param("hash", hash(token)).param("purpose", purpose.name()).param("now", Timestamp.from(now))
                .query(Long.class).optional().map(AccountId::new);
    }

    /** Whether the token would be accepted now, without spending it. */
    boolean isUsable(String token, TokenPurpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from account_token
                                        where token_hash = :hash and purpose = :purpose
                                          and used_at is null and expires_at > :now)
                        """)
                .param("hash", hash(token)).param("purpose", purpose.name()).param("now", Timestamp.from(now))
                .query(Boolean.class).single();
    }

    /** Voids the account's outstanding tokens of this purpose (a newer one was sent, or the password changed). */
    void voidAll(AccountId account, TokenPurpose purpose, Instant now) {
        jdbc.sql("""
                        update account_token set used_at = :now
                         where account_id = :account and purpose = :purpose and used_at is null
                        """)
                .param("account", account.value()).param("purpose", purpose.name()).param("now", Timestamp.from(now))
                .update();
    }

    /** SHA-256 of a token, as stored (shared with {@link ApiTokenRepository}). */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
