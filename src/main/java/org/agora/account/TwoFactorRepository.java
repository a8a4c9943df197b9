package org.agora.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An account's TOTP secret (encrypted), whether 2FA is on, the last used time step, and its recovery codes. */
@Repository
class TwoFactorRepository {
    /** The stored row: the secret still sealed; enabledAt null while the setup awaits its first code. */
    record Row(AccountId account, byte[] secretCipher, Instant enabledAt, Long lastUsedStep) {
        boolean enabled() {
            return enabledAt != null;
        }
    }

    private final JdbcClient jdbc;

    TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(AccountId account) {
        return jdbc.sql("""
                        select account_id, secret_cipher, enabled_at, last_used_step
                          from account_two_factor where account_id = :account
                        """)
                .param("account", account.value())
                .query((rs, n) -> new Row(new AccountId(rs.getLong(1)), rs.getBytes(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getObject(4) == null ? null : rs.getLong(4)))
                .optional();
    }

    boolean isEnabled(AccountId account) {
        return jdbc.sql("""
                        select exists (select 1 from account_two_factor
                                        where account_id = :account and enabled_at is not null)
                        """)
                .param("account", account.value()).query(Boolean.class).single();
    }

    /**
     * Keeps a new secret for a setup in progress, replacing an unfinished one.
     * @return false if 2FA is already on for the account (an enabled secret is never replaced here)
     */
    boolean savePending(AccountId account, byte[] secretCipher, Instant now) {
        return jdbc.sql("""
                        insert into account_two_factor (account_id, secret_cipher, created_at)
                        values (:account, :cipher, :now)
                        on conflict (account_id) do update
                           set secret_cipher = excluded.secret_cipher, created_at = excluded.created_at,
                               last_used_step = null
                         where account_two_factor.enabled_at is null
                        """)
                .param("account", account.value()).param("cipher", secretCipher).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Turns 2FA on after the first code (of {@code step}); false if it was on already or no setup exists. */
    boolean enable(AccountId account, long step, Instant now) {
        return jdbc.sql("""
                        update account_two_factor set enabled_at = :now, last_used_step = :step
                         where account_id = :account and enabled_at is null
                        """)
                .param("account", account.value()).param("step", step).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Records that a code of {@code step} was used, atomically, only if no code of this step or a later one was
     * accepted before. @return false if that step (or a later one) was used already: the code is a replay
     */
    boolean useStep(AccountId account, long step) {
        return jdbc.sql("""
                        update account_two_factor set last_used_step = :step
                         where account_id = :account and enabled_at is not null
                           and (last_used_step is null or last_used_step < :step)
                        """)
                .param("account", account.value()).param("step", step).update() == 1;
    }

    /** Turns 2FA off: the secret and every recovery code go. */
    void delete(AccountId account) {
        jdbc.sql("delete from account_recovery_code where account_id = :account")
                .param("account", account.value()).update();
        jdbc.sql("delete from account_two_factor where account_id = :account")
                .param("account", account.value()).update();
    }

    /** Replaces all the account's recovery codes (used or not) with these hashes. */
    void replaceRecoveryCodes(AccountId account, List<byte[]> hashes, Instant now) {
        jdbc.sql("delete from account_recovery_code where account_id = :account")
                .param("account", account.value()).update();
        for (byte[] hash : hashes) {
            jdbc.sql("""
                            insert into account_recovery_code (account_id, code_hash, created_at)
                            values (:account, :hash, :now)
                            """)
                    .param("account", account.value()).param("hash", hash).param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** Spends a recovery code, atomically. @return false if it is unknown or was used already */
    boolean useRecoveryCode(AccountId account, byte[] hash, Instant now) {
        return jdbc.sql("""
                        update account_recovery_code set used_at = :now
                         where account_id = :account and code_hash = :hash and used_at is null
                        """)
                .param("account", account.value()).param("hash", hash).param("now", Timestamp.from(now))
                .update() == 1;
    }

    int recoveryCodesLeft(AccountId account) {
        return jdbc.sql("select count(*) from account_recovery_code where account_id = :account and used_at is null")
                .param("account", account.value()).query(Integer.class).single();
    }
}
