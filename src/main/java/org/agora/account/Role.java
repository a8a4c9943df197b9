package org.agora.account;

import java.util.List;

/** A member's role. Higher roles include the lower ones' authorities. */
public enum Role {
    MEMBER, MODERATOR, ADMIN;

    /** Spring Security authority names this role grants, e.g. ADMIN grants ROLE_ADMIN, ROLE_MODERATOR, ROLE_MEMBER. */
    public List<String> authorities() {
        return switch (this) {
            case MEMBER -> List.of("ROLE_MEMBER");
            case MODERATOR -> List.of("ROLE_MODERATOR", "ROLE_MEMBER");
            case ADMIN -> List.of("ROLE_ADMIN", "ROLE_MODERATOR", "ROLE_MEMBER");
        };
    }

    public boolean isStaff() {
        return this != MEMBER;
    }
}
