package org.agora.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an embedded, real PostgreSQL whose files live under {@code agora.embedded-db.data-dir}
 * (default {@code ./data/postgres}, kept across restarts), unless {@code spring.datasource.url} names an
 * external server, in which case Spring Boot's own DataSource is used and nothing here starts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabaseCondition.Not.class)
    static class Embedded {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres(
                @Value("${agora.embedded-db.data-dir:data/postgres}") Path dataDir,
                @Value("${agora.embedded-db.port:0}") int port,
                @Value("${agora.embedded-db.clean:false}") boolean clean,
                @Value("${agora.embedded-db.synchronous-commit:on}") String synchronousCommit) throws IOException {
            Path dir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    // crash recovery after an unclean stop, or a busy 2-core machine, can take longer than 10 s
                    .setPGStartupWait(java.time.Duration.ofSeconds(90))
                    .setServerConfig("max_connections", "100")
                    // zonky's default is "off", which may lose the last acknowledged commits in a crash; a member's
                    // acknowledged vote or post must survive one (DurabilityTest). Tests, which throw data away, set off.
                    .setServerConfig("synchronous_commit", synchronousCommit);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} (jdbc:postgresql://localhost:{}/postgres, user postgres)",
                    pg.getPort(), dir, pg.getPort());
            return pg;
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres pg,
                              @Value("${agora.embedded-db.pool-size:10}") int poolSize,
                              @Value("${agora.embedded-db.leak-detection-ms:0}") long leakDetectionMs) {
            var ds = new HikariDataSource();
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(poolSize);
            ds.setPoolName("agora-embedded");
            // tests log where a connection was taken that is held for long (a pool deadlock shows its holders)
            ds.setLeakDetectionThreshold(leakDetectionMs);
            return ds;
        }

        @Bean
        DatabaseMode databaseMode() {
            return DatabaseMode.EMBEDDED;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabaseCondition.class)
    static class External {
        @Bean
        DatabaseMode databaseMode() {
            return DatabaseMode.EXTERNAL;
        }
    }
}
