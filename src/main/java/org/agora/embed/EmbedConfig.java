package org.agora.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import org.agora.shared.db.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The secret that signs anonymous voter tokens: {@code agora.embed.token-secret} (base64 of at least 32 random
 * bytes, the same on every node). Without it only the embedded database runs: a development secret is generated
 * once beside its data directory ({@code data/embed-token.key}), as the TOTP key is; an external database refuses
 * to start without a configured secret.
 */
@Configuration(proxyBeanMethods = false)
class EmbedConfig {
    private static final Logger log = LoggerFactory.getLogger(EmbedConfig.class);

    @Bean
    VoterTokens voterTokens(@Value("${agora.embed.token-secret:}") String secret, DatabaseMode database,
                            @Value("${agora.embedded-db.data-dir:data/postgres}") Path embeddedDataDir, Clock clock) {
        if (!secret.isBlank()) {
            return new VoterTokens(decode(secret.strip()), clock);
        }
        if (!database.isEmbedded()) {
            throw new IllegalStateException("agora.embed.token-secret (AGORA_EMBED_TOKEN_SECRET) must be set on an "
                    + "external database: base64 of 32 random bytes, e.g. `openssl rand -base64 32`, the same on every node");
        }
        Path dir = embeddedDataDir.toAbsolutePath().normalize();
        Path file = (dir.getParent() == null ? dir : dir.getParent()).resolve("embed-token.key");
        return new VoterTokens(readOrCreate(file), clock);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("agora.embed.token-secret is not base64", e);
        }
    }

    static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(VoterTokens.randomSecret()) + "\n",
                            StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException | IOException notPosix) {
                        // best effort
                    }
                    log.info("Generated a development secret for embedded polls' voter tokens in {} (embedded database "
                            + "only; production sets agora.embed.token-secret)", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it a moment ago: read theirs
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the voter token secret " + file, e);
        }
    }
}
