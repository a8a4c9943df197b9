package org.agora.moderation;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs one step as Agora itself with the moderator role, for the one decision Agora takes on its own: hiding
 * content that enough members flagged. The member's own authentication is back in place afterwards. The debate
 * and poll services thus stay moderator-only, with no back door for "automatic" callers.
 */
final class SystemModerator {
    static final String NAME = "agora-auto-moderation";

    private SystemModerator() {
    }

    static <T> T call(Supplier<T> step) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                List.of(new SimpleGrantedAuthority("ROLE_MODERATOR"))));
        SecurityContextHolder.setContext(context);
        try {
            return step.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
