package org.agora.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.agora.shared.db.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM (the JDK's), so a copy of the database alone gives no
 * authenticator secrets. Stored form: a version byte, a random 12-byte nonce, then ciphertext and 16-byte tag; the
 * account id is bound in as associated data, so a ciphertext copied onto another account does not decrypt.
 * <p>
 * The key comes from {@code agora.security.totp-key} (32 random bytes in base64, e.g. {@code openssl rand -base64 32}),
 * the same on every node. Without it, only the embedded database runs: a key is generated once and kept beside
 * its data directory ({@code data/totp.key}); an external database refuses to start, since a production site
 * must set the key.
 */
final class TotpSecretCipher {
    private static final Logger log = LoggerFactory.getLogger(TotpSecretCipher.class);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    TotpSecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("agora.security.totp-key must be 32 bytes (base64), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The configured key; else, on the embedded database only, the development key file beside its data directory
     * (created on first use).
     */
    static TotpSecretCipher fromConfig(String configuredKey, DatabaseMode database, Path embeddedDataDir) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new TotpSecretCipher(decodeKey(configuredKey.strip()));
        }
        if (!database.isEmbedded()) {
            throw new IllegalStateException("agora.security.totp-key (environment variable AGORA_SECURITY_TOTP_KEY) "
                    + "must be set when Agora runs on an external database: 32 random bytes in base64, the same "
                    + "on every node (e.g. openssl rand -base64 32)");
        }
        Path file = developmentKeyFile(embeddedDataDir);
        return new TotpSecretCipher(readOrCreateKeyFile(file));
    }

    /** {@code data/postgres} keeps its key in {@code data/totp.key}. */
    static Path developmentKeyFile(Path embeddedDataDir) {
        Path dir = embeddedDataDir.toAbsolutePath().normalize();
        Path parent = dir.getParent() == null ? dir : dir.getParent();
        return parent.resolve("totp.key");
    }

    static byte[] readOrCreateKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
                            java.nio.file.StandardOpenOption.CREATE_NEW);
                    restrictToOwner(file);
                    log.info("Generated a development key for TOTP secrets in {} (embedded database only; "
                            + "production sets agora.security.totp-key)", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it a moment ago: read theirs
                }
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the TOTP key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // best effort on systems without POSIX permissions
        }
    }

    private static byte[] decodeKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agora.security.totp-key is not valid base64", e);
        }
    }

    byte[] encrypt(AccountId account, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(account));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret encryption failed", e);
        }
    }

    /** @throws IllegalStateException if the value was not sealed with this key for this account */
    String decrypt(AccountId account, byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("unknown TOTP secret format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(account));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret does not decrypt with the configured agora.security.totp-key", e);
        }
    }

    private static byte[] associatedData(AccountId account) {
        return ("agora-totp:" + account.value()).getBytes(StandardCharsets.US_ASCII);
    }
}
