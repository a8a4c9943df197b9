package org.agora.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read {@code /actuator/prometheus}: requests on the management port (a private address in production),
 * requests carrying the configured scrape token, and signed-in admins. Readers and members may not: the
 * figures describe the service, and its load is nobody else's business.
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {
    private final byte[] token;
    private final int managementPort;

    /** {@code scrapeToken} empty: no token works; {@code managementPort} -1: no port is trusted on its own. */
    MetricsAccess(String scrapeToken, int managementPort) {
        this.token = scrapeToken == null || scrapeToken.isBlank() ? null : scrapeToken.strip().getBytes(StandardCharsets.UTF_8);
        this.managementPort = managementPort;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        var request = context.getRequest();
        if (managementPort > 0 && request.getLocalPort() == managementPort) {
            return new AuthorizationDecision(true);
        }
        String header = request.getHeader("Authorization");
        if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return new AuthorizationDecision(true);
        }
        Authentication who = authentication.get();
        boolean admin = who != null && who.isAuthenticated()
                && who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return new AuthorizationDecision(admin);
    }
}
