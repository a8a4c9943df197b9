package org.agora.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SanctionRepository {
    private static final String SELECT = """
            select s.id, s.account_id, a.username, s.kind, s.reason, s.starts_at, s.ends_at, c.username as created_by,
                   s.lifted_at, s.lift_reason, s.appeal, s.appealed_at
              from account_sanction s
              join account a on a.id = s.account_id
              left join account c on c.id = s.created_by
            """;

    private final JdbcClient jdbc;

    SanctionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(AccountId account, SanctionKind kind, String reason, Instant startsAt, Instant endsAt, AccountId by) {
        return jdbc.sql("""
                        insert into account_sanction (account_id, kind, reason, starts_at, ends_at, created_by)
                        values (:account, :kind, :reason, :starts, :ends, :by)
                        returning id
                        """)
                .param("account", account.value()).param("kind", kind.name()).param("reason", reason)
                .param("starts", Timestamp.from(startsAt)).param("ends", endsAt == null ? null : Timestamp.from(endsAt))
                .param("by", by == null ? null : by.value())
                .query(Long.class).single();
    }

    Optional<Sanction> find(long id) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(SanctionRepository::map).optional();
    }

    /** The member's sanctions and warnings, newest first. */
    List<Sanction> of(AccountId account, int limit) {
        return jdbc.sql(SELECT + " where s.account_id = :account order by s.starts_at desc, s.id desc limit :n")
                .param("account", account.value()).param("n", limit).query(SanctionRepository::map).list();
    }

    /** Those in force at {@code now}, the longest-lasting first (a ban before anything timed). */
    List<Sanction> active(AccountId account, Instant now) {
        return jdbc.sql(SELECT + """
                         where s.account_id = :account and s.kind <> 'WARN' and s.lifted_at is null
                           and s.starts_at <= :now and (s.ends_at is null or s.ends_at > :now)
                         order by s.ends_at desc nulls first, s.id desc
                        """)
                .param("account", account.value()).param("now", Timestamp.from(now))
                .query(SanctionRepository::map).list();
    }

    /** How many silences and suspensions the member had before: the next default duration grows with it. */
    int previousTimed(AccountId account) {
        return jdbc.sql("select count(*) from account_sanction where account_id = :account and kind in ('SILENCE', 'SUSPEND')")
                .param("account", account.value()).query(Integer.class).single();
    }

    boolean lift(long id, AccountId by, String reason, Instant now) {
        return jdbc.sql("""
                        update account_sanction set lifted_at = :now, lifted_by = :by, lift_reason = :reason
                         where id = :id and lifted_at is null and kind <> 'WARN'
                        """)
                .param("id", id).param("by", by.value()).param("reason", reason).param("now", Timestamp.from(now))
                .update() == 1;
    }

    boolean appeal(long id, AccountId account, String text, Instant now) {
        return jdbc.sql("""
                        update account_sanction set appeal = :text, appealed_at = :now
                         where id = :id and account_id = :account and appeal is null and lifted_at is null
                        """)
                .param("id", id).param("account", account.value()).param("text", text)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Appeals on sanctions not lifted yet, oldest first. */
    List<Sanction> openAppeals(int limit) {
        return jdbc.sql(SELECT + " where s.appeal is not null and s.lifted_at is null order by s.appealed_at, s.id limit :n")
                .param("n", limit).query(SanctionRepository::map).list();
    }

    private static Sanction map(ResultSet rs, int n) throws SQLException {
        return new Sanction(rs.getLong("id"), new AccountId(rs.getLong("account_id")), rs.getString("username"),
                SanctionKind.valueOf(rs.getString("kind")), rs.getString("reason"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("created_by"), instant(rs, "lifted_at"),
                rs.getString("lift_reason"), rs.getString("appeal"), instant(rs, "appealed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
