package org.agora.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The rule that staff work with two factors: a moderator or admin opens the moderator console, and calls staff-only
 * services, only in a session that passed a second factor, while their account still has 2FA on (turning it off
 * closes the console at once, on every session).
 * <p>
 * Services use it as {@link StaffWithTwoFactor @StaffWithTwoFactor}, in a method-security expression
 * ({@code @PreAuthorize("hasRole('MODERATOR') and @staffSecurity.twoFactorVerified()")}) or by calling
 * {@link #requireTwoFactor()}. Views under {@code /moderation} are guarded by {@code ui.SecondFactorGuard}, which
 * sends staff without it to {@code /account} to set it up.
 */
@Component("staffSecurity")
public class StaffSecurity {
    private final TwoFactorRepository twoFactor;

    StaffSecurity(TwoFactorRepository twoFactor) {
        this.twoFactor = twoFactor;
    }

    /** Whether the signed-in member's session passed a second factor and their account has 2FA on. */
    public boolean twoFactorVerified() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof AgoraUser user)) {
            return false;
        }
        boolean passed = auth.getAuthorities().stream()
                .anyMatch(a -> TwoFactorService.FACTOR_AUTHORITY.equals(a.getAuthority()));
        return passed && twoFactor.isEnabled(user.id());
    }

    /** Whether the signed-in member is staff (MODERATOR or ADMIN) and may use staff tools now. */
    public boolean staffWithTwoFactor() {
        return CurrentUser.get().map(u -> u.role().isStaff()).orElse(false) && twoFactorVerified();
    }

    /** @throws TwoFactorRequired unless the signed-in member is staff and {@link #twoFactorVerified()} */
    public void requireTwoFactor() {
        var user = CurrentUser.require();
        if (!user.role().isStaff() || !twoFactorVerified()) {
            throw new TwoFactorRequired();
        }
    }
}
