package org.agora.shared;

import org.agora.shared.db.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Agora where to open it. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger("org.agora");

    private final DatabaseMode database;

    StartupBanner(DatabaseMode database) {
        this.database = database;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("Agora is running at http://localhost:{}/ ({} database)", web.getWebServer().getPort(),
                    database.isEmbedded() ? "embedded PostgreSQL" : "external PostgreSQL");
        }
    }
}
