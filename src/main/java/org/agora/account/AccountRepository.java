package org.agora.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {
    private static final String COLUMNS = """
            id, username, email, display_name, role, email_verified_at, locale, theme, created_at, version""";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AccountId insert(String username, String email, String displayName, String passwordHash, Role role,
                     Instant emailVerifiedAt) {
        long id = jdbc.sql("""
                        insert into account (username, email, display_name, password_hash, role, email_verified_at)
                        values (:username, :email, :displayName, :hash, :role, :verified)
                        returning id
                        """)
                .param("username", username).param("email", email).param("displayName", displayName)
                .param("hash", passwordHash).param("role", role.name())
                .param("verified", emailVerifiedAt == null ? null : java.sql.Timestamp.from(emailVerifiedAt))
                .query(Long.class).single();
        return new AccountId(id);
    }

    Optional<Account> find(AccountId id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id")
                .param("id", id.value()).query(AccountRepository::map).optional();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from account where lower(username) = lower(:username)")
                .param("username", username).query(AccountRepository::map).optional();
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where lower(email) = lower(:email)")
                .param("email", email).query(AccountRepository::map).optional();
    }

    /** Finds by username or email, as typed at the login form. */
    Optional<Account> findByLogin(String login) {
        return jdbc.sql("select " + COLUMNS + """
                         from account
                        where lower(username) = lower(:login) or lower(email) = lower(:login)
                        order by (lower(username) = lower(:login)) desc
                        limit 1
                        """)
                .param("login", login).query(AccountRepository::map).optional();
    }

    Optional<String> passwordHash(AccountId id) {
        return jdbc.sql("select password_hash from account where id = :id")
                .param("id", id.value()).query(String.class).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select exists (select 1 from account where lower(username) = lower(:u))")
                .param("u", username).query(Boolean.class).single();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from account where lower(email) = lower(:e))")
                .param("e", email).query(Boolean.class).single();
    }

    void updatePasswordHash(AccountId id, String hash) {
        jdbc.sql("update account set password_hash = :hash, version = version + 1 where id = :id")
                .param("hash", hash).param("id", id.value()).update();
    }

    /** @return false if someone else changed the account since {@code version} was read */
    boolean updateDisplayName(AccountId id, int version, String displayName) {
        return jdbc.sql("""
                        update account set display_name = :name, version = version + 1
                         where id = :id and version = :version
                        """)
                .param("name", displayName).param("id", id.value()).param("version", version).update() == 1;
    }

    void markEmailVerified(AccountId id) {
        jdbc.sql("update account set email_verified_at = coalesce(email_verified_at, now()) where id = :id")
                .param("id", id.value()).update();
    }

    void updateTheme(AccountId id, String theme) {
        jdbc.sql("update account set theme = :theme where id = :id")
                .param("theme", theme).param("id", id.value()).update();
    }

    void updateLocale(AccountId id, String locale) {
        jdbc.sql("update account set locale = :locale where id = :id")
                .param("locale", locale).param("id", id.value()).update();
    }

    long countByRole(Role role) {
        return jdbc.sql("select count(*) from account where role = :role")
                .param("role", role.name()).query(Long.class).single();
    }

    void updateRole(AccountId id, Role role) {
        jdbc.sql("update account set role = :role, version = version + 1 where id = :id")
                .param("role", role.name()).param("id", id.value()).update();
    }

    /** Members whose username or display name contains the words, shortest names first. */
    java.util.List<Account> search(String text, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from account
                        where strpos(lower(username), lower(:text)) > 0 or strpos(lower(display_name), lower(:text)) > 0
                        order by char_length(username), lower(username)
                        limit :n
                        """)
                .param("text", text).param("n", limit).query(AccountRepository::map).list();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        var verified = rs.getTimestamp("email_verified_at");
        return new Account(new AccountId(rs.getLong("id")), rs.getString("username"), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                verified == null ? null : verified.toInstant(), rs.getString("locale"), rs.getString("theme"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }
}
