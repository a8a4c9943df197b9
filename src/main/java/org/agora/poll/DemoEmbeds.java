package org.agora.poll;

import org.agora.shared.db.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the demo database only (embedded, with demo data): the seeded polls may be embedded from any origin and the
 * first takes readers' anonymous votes, so a newcomer can paste the README's snippet at once. Idempotent, and a
 * setting changed since (in the Embed dialog) is kept.
 */
@Component
@Order(41)
class DemoEmbeds implements ApplicationRunner {
    private final JdbcClient jdbc;
    private final DatabaseMode database;
    private final boolean enabled;

    DemoEmbeds(JdbcClient jdbc, DatabaseMode database, @Value("${agora.demo-data:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.database = database;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !database.isEmbedded()) {
            return;
        }
        jdbc.sql("""
                        insert into poll_embed (poll_id, enabled, any_origin, anonymous_voting)
                        select id, true, true, id = 1 from poll where id between 1 and 8 and author_id is null
                        on conflict (poll_id) do nothing
                        """).update();
    }
}
