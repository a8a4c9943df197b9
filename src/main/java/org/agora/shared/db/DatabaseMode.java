package org.agora.shared.db;

/** Which PostgreSQL the app runs on: the embedded one under ./data, or an external server. */
public enum DatabaseMode {
    EMBEDDED, EXTERNAL;

    public boolean isEmbedded() {
        return this == EMBEDDED;
    }
}
