package org.agora.account;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The member behind the current request or UI event. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Optional<AgoraUser> get() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AgoraUser user ? Optional.of(user) : Optional.empty();
    }

    public static AgoraUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("sign in required"));
    }
}
