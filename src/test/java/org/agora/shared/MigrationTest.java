package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.agora.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MigrationTest {
    @Autowired Flyway flyway;
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedPostgres postgres;

    @Test
    void flyway_validate_passes_on_the_migrated_database() {
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void a_fresh_database_migrates_from_zero_and_holds_the_seeded_questions() {
        String db = "fresh_" + System.nanoTime();
        jdbc.sql("create database " + db).update();
        var fresh = Flyway.configure()
                .dataSource(postgres.getJdbcUrl("postgres", db), "postgres", null)
                .locations("classpath:db/migration")
                .load();
        var result = fresh.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        assertThat(fresh.validateWithResult().validationSuccessful).isTrue();
        var freshJdbc = JdbcClient.create(new org.springframework.jdbc.datasource.SimpleDriverDataSource(
                new org.postgresql.Driver(), postgres.getJdbcUrl("postgres", db)));
        assertThat(freshJdbc.sql("select count(*) from debate_category").query(Long.class).single()).isEqualTo(6);
        assertThat(freshJdbc.sql("select title from debate_topic where id = 1").query(String.class).single())
                .isEqualTo("Will AI supplant most human jobs — and when?");
        assertThat(freshJdbc.sql("select count(*) from debate_topic where featured is not null").query(Long.class).single())
                .isEqualTo(8);
    }
}
