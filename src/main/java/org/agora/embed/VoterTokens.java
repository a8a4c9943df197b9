package org.agora.embed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anonymous voter tokens for embedded polls: {@code v1.<payload>.<mac>}, where the payload (base64url) holds the
 * poll id, a random reader id and the expiry, and the mac is HMAC-SHA256 of {@code "agora-voter:v1." + payload}
 * under the server's secret ({@code agora.embed.token-secret}). A token is good for its own poll only, until it
 * expires; it cannot be forged without the secret. Nothing is stored until the reader votes: the ballot's primary
 * key (poll, reader id) makes it one ballot per token.
 */
final class VoterTokens {
    static final Duration LIFETIME = Duration.ofDays(30);
    private static final String PREFIX = "v1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;

    VoterTokens(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("agora.embed.token-secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = clock;
    }

    /** The same secret with another clock (tests make tokens that expired). */
    VoterTokens withClock(Clock other) {
        return new VoterTokens(key.getEncoded(), other);
    }

    record Issued(String token, UUID reader, Instant expiresAt) {
    }

    Issued issue(long pollId) {
        UUID reader = UUID.randomUUID();
        Instant expires = clock.instant().plus(LIFETIME);
        ByteBuffer buffer = ByteBuffer.allocate(32);
        buffer.putLong(pollId).putLong(reader.getMostSignificantBits()).putLong(reader.getLeastSignificantBits())
                .putLong(expires.getEpochSecond());
        String payload = B64.encodeToString(buffer.array());
        return new Issued(PREFIX + payload + "." + B64.encodeToString(mac(payload)), reader,
                Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /** The reader id of a genuine, unexpired token for this poll; empty for anything else. */
    Optional<UUID> verify(String token, long pollId) {
        return read(token, pollId).map(Issued::reader);
    }

    /** A genuine, unexpired token for this poll with its reader and expiry; empty for anything else. */
    Optional<Issued> read(String token, long pollId) {
        if (token == null || token.length() > 200 || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            byte[] given = B64D.decode(parts[1]);
            // the canonical spelling only: base64's last character carries unused bits, so "...A" and "...B" can
            // decode alike; a token is one exact string, never a family of them
            if (!B64.encodeToString(given).equals(parts[1]) || !MessageDigest.isEqual(given, mac(parts[0]))) {
                return Optional.empty();
            }
            byte[] raw = B64D.decode(parts[0]);
            if (raw.length != 32) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(raw);
            long poll = buffer.getLong();
            UUID reader = new UUID(buffer.getLong(), buffer.getLong());
            Instant expires = Instant.ofEpochSecond(buffer.getLong());
            if (poll != pollId || !clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Issued(token, reader, expires));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("agora-voter:" + PREFIX + payload).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static byte[] randomSecret() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return fresh;
    }
}
