package org.agora.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.agora.shared.text.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for bots and integrations. A member creates a token with a name and a scope and sees it
 * once; only its SHA-256 hash is stored, so a leaked database gives no usable token. A revoked token stops
 * working at once, on every node (each request looks it up).
 */
@Service
public class ApiTokenService {
    public static final int NAME_MAX = 60;
    /** Active (not revoked) tokens a member may have at a time. */
    public static final int ACTIVE_MAX = 10;
    public static final String PREFIX = "agora_";
    /** "agora_" and 32 random bytes in unpadded base64url. */
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.token");

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Creates a token for the signed-in member. @return the token, with its plain value to show this once */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public NewApiToken create(String rawName, ApiScope scope) {
        var me = CurrentUser.require();
        String name = TextInput.clean(rawName);
        if (name.isEmpty() || TextInput.length(name) > NAME_MAX) {
            throw new AccountException("name", "apiToken.nameInvalid");
        }
        if (scope == null) {
            throw new AccountException("scope", "apiToken.scopeRequired");
        }
        tokens.lockOwner(me.id());
        if (tokens.countActive(me.id()) >= ACTIVE_MAX) {
            throw new AccountException(null, "apiToken.tooMany");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        var token = tokens.insert(me.id(), name, scope, TokenRepository.hash(secret), clock.instant());
        log.info("API token created: account={} token={} scope={}", me.id().value(), token.id(), scope);
        return new NewApiToken(token, secret);
    }

    /** The signed-in member's active tokens, oldest first; never the tokens themselves. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return tokens.active(CurrentUser.require().id());
    }

    /** Revokes one of the signed-in member's own tokens; another member's token id does nothing. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean revoke(long id) {
        var me = CurrentUser.require();
        boolean revoked = tokens.revoke(me.id(), id, clock.instant());
        if (revoked) {
            log.info("API token revoked: account={} token={}", me.id().value(), id);
        }
        return revoked;
    }

    /**
     * The member and scope behind a token sent with an API request; empty if the token is unknown, revoked or
     * malformed. Notes when the token was last used (at most once a minute).
     */
    @Transactional
    public Optional<ApiCaller> authenticate(String rawToken) {
        if (rawToken == null || rawToken.length() != TOKEN_LENGTH || !rawToken.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var found = tokens.findActive(TokenRepository.hash(rawToken)).filter(ApiTokenRepository.Found::emailVerified);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var f = found.get();
        Instant now = clock.instant();
        if (f.lastUsedAt() == null || f.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            tokens.touch(f.tokenId(), now);
        }
        var user = new AgoraUser(f.accountId(), f.username(), f.role(), true, null);
        return Optional.of(new ApiCaller(user, f.scope(), f.tokenId()));
    }
}
