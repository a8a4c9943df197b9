package org.agora.account;

import java.time.Instant;

/**
 * The signed-in member's two-factor authentication: on since {@code enabledAt} (null if off), how many recovery
 * codes are still unused, and whether their role needs it (staff must have it to open the moderator console).
 */
public record TwoFactorStatus(Instant enabledAt, int recoveryCodesLeft, boolean requiredForRole) {
    public boolean enabled() {
        return enabledAt != null;
    }
}
