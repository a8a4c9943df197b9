package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agora.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Security case 13 (durability of the schema): migrations run in PostgreSQL's transactional DDL, an applied
 * migration that was edited afterwards is refused, and a database made by the previous release upgrades with its
 * data intact. Each case on its own fresh database of the shared embedded server.
 */
@IntegrationTest
class MigrationSafetyTest {
    /** The newest migration of the previous release (main at the end of the last session). */
    static final String PREVIOUS_RELEASE = "17";

    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgres postgres;

    private String freshDatabase() {
        String db = "migr_" + System.nanoTime();
        jdbc.sql("create database " + db).update();
        return postgres.getJdbcUrl("postgres", db);
    }

    private static JdbcClient client(String url) {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url));
    }

    private static boolean tableExists(JdbcClient db, String table) {
        return db.sql("select to_regclass(:t) is not null").param("t", table).query(Boolean.class).single();
    }

    @Test
    void a_migration_that_fails_halfway_leaves_the_schema_as_it_was() {
        String url = freshDatabase();
        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();
        var db = client(url);
        int columnsBefore = db.sql("select count(*) from information_schema.columns where table_name = 'account'")
                .query(Integer.class).single();

        var broken = Flyway.configure().dataSource(url, "postgres", null)
                .locations("classpath:db/migration", "classpath:db/broken").load();
        assertThatThrownBy(broken::migrate).hasMessageContaining("division by zero");

        assertThat(tableExists(db, "migration_probe")).as("the table created before the failure").isFalse();
        assertThat(db.sql("select count(*) from information_schema.columns where table_name = 'account'")
                .query(Integer.class).single()).as("account columns").isEqualTo(columnsBefore);
        assertThat(db.sql("select count(*) from flyway_schema_history where version = '900' and success")
                .query(Integer.class).single()).isZero();
        // the valid migrations still validate, so the next good release starts from a clean state
        assertThat(Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load()
                .validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void an_applied_migration_edited_afterwards_fails_validation_and_blocks_migrate(@TempDir Path copy) throws IOException {
        String url = freshDatabase();
        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();
        try (var files = Files.list(Path.of("db/migration"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path first = copy.resolve("V001__account_create_tables.sql");
        Files.writeString(first, Files.readString(first) + "\n-- edited after it was applied\n");
        var edited = Flyway.configure().dataSource(url, "postgres", null).locations("filesystem:" + copy).load();

        assertThat(edited.validateWithResult().validationSuccessful).isFalse();
        assertThatThrownBy(edited::migrate).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void a_database_of_the_previous_release_upgrades_with_its_data_intact() {
        String url = freshDatabase();
        var previous = Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration")
                .target(PREVIOUS_RELEASE).load();
        previous.migrate();
        var db = client(url);
        long account = db.sql("""
                insert into account (username, email, display_name, password_hash, email_verified_at)
                values ('old_member', 'old@example.org', 'Old Member', 'x', now()) returning id
                """).query(Long.class).single();
        db.sql("""
                insert into debate_post (topic_id, author_id, stance, body, body_html)
                values (1, :a, 'PRO', 'Written before the upgrade', '<p>Written before the upgrade</p>')
                """).param("a", account).update();
        long posts = db.sql("select count(*) from debate_post").query(Long.class).single();
        long polls = db.sql("select count(*) from poll").query(Long.class).single();

        var latest = Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load();
        var result = latest.migrate();

        assertThat(result.success).isTrue();
        assertThat(latest.info().pending()).isEmpty();
        assertThat(db.sql("select count(*) from debate_post").query(Long.class).single()).isEqualTo(posts);
        assertThat(db.sql("select count(*) from poll").query(Long.class).single()).isEqualTo(polls);
        assertThat(db.sql("select body from debate_post where author_id = :a").param("a", account)
                .query(String.class).single()).isEqualTo("Written before the upgrade");
        assertThat(db.sql("select username from account where id = :a").param("a", account).query(String.class)
                .single()).isEqualTo("old_member");
    }
}
