package org.agora.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Two-factor authentication with an authenticator app (TOTP): any member may turn it on; staff must have it to
 * open the moderator console ({@link StaffSecurity}). Setting it up takes a first code from the app, and gives ten
 * single-use recovery codes, shown once. Turning it off takes the password and a code; asking for new recovery
 * codes takes a code. Every code check is throttled per account, and a code's time step is never accepted twice.
 */
@Service
public class TwoFactorService {
    /** The authority a session gets once it has passed a second factor (an authenticator or a recovery code). */
    public static final String FACTOR_AUTHORITY = "FACTOR_TOTP";
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.2fa");

    /** What a code check found. */
    enum Check {
        ACCEPTED, ACCEPTED_RECOVERY_CODE, WRONG, THROTTLED;

        boolean accepted() {
            return this == ACCEPTED || this == ACCEPTED_RECOVERY_CODE;
        }
    }

    private final TwoFactorRepository twoFactor;
    private final AccountRepository accounts;
    private final TotpSecretCipher cipher;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    TwoFactorService(TwoFactorRepository twoFactor, AccountRepository accounts, TotpSecretCipher cipher,
                     LoginThrottle throttle, PasswordHasher hasher, Clock clock) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.cipher = cipher;
        this.throttle = throttle;
        this.hasher = hasher;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TwoFactorStatus status() {
        var me = CurrentUser.require();
        var row = twoFactor.find(me.id()).filter(TwoFactorRepository.Row::enabled);
        return new TwoFactorStatus(row.map(TwoFactorRepository.Row::enabledAt).orElse(null),
                row.isPresent() ? twoFactor.recoveryCodesLeft(me.id()) : 0, me.role().isStaff());
    }

    /**
     * Starts (or starts over) setting up 2FA: a new secret, kept encrypted and not yet in force.
     * @throws AccountException if 2FA is on already (turn it off first)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public TotpEnrolment startEnrolment() {
        var me = CurrentUser.require();
        String secret = Totp.newSecret();
        if (!twoFactor.savePending(me.id(), cipher.encrypt(me.id(), secret), clock.instant())) {
            throw new AccountException(null, "twoFactor.alreadyOn");
        }
        return new TotpEnrolment(secret, Totp.uri(me.getUsername(), secret));
    }

    /**
     * Turns 2FA on with the first code from the app, and marks this session as having passed the second factor.
     * @return the ten recovery codes, to show this once
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> confirmEnrolment(String code) {
        var me = CurrentUser.require();
        var row = twoFactor.find(me.id()).orElseThrow(() -> new AccountException(null, "twoFactor.noSetup"));
        if (row.enabled()) {
            throw new AccountException(null, "twoFactor.alreadyOn");
        }
        if (!throttle.trySecondFactor(me.id())) {
            throw new AccountException("code", "twoFactor.tooManyAttempts");
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(cipher.decrypt(me.id(), row.secretCipher()), code, now);
        if (step.isEmpty()) {
            throw new AccountException("code", "twoFactor.wrongCode");
        }
        if (!twoFactor.enable(me.id(), step.getAsLong(), now)) {
            throw new AccountException(null, "twoFactor.alreadyOn");
        }
        var codes = newRecoveryCodes(me.id(), now);
        grantFactorToCurrentSession(now);
        log.info("2FA turned on: id={}", me.id().value());
        return codes;
    }

    /** Turns 2FA off; takes the current password and a code (or a recovery code). Staff lose the console until they set it up again. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void disable(String currentPassword, String code) {
        var me = CurrentUser.require();
        if (!twoFactor.isEnabled(me.id())) {
            throw new AccountException(null, "twoFactor.notOn");
        }
        if (!throttle.tryAccount(me.getUsername())
                || !hasher.matches(currentPassword == null ? "" : currentPassword, accounts.passwordHash(me.id()).orElseThrow())) {
            throw new AccountException("password", "account.password.wrongCurrent");
        }
        requireCode(me.id(), code);
        twoFactor.delete(me.id());
        log.info("2FA turned off: id={} staff={}", me.id().value(), me.role().isStaff());
    }

    /** Replaces the recovery codes (the old ones stop working); takes a current code. @return the new codes, to show once */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> regenerateRecoveryCodes(String code) {
        var me = CurrentUser.require();
        if (!twoFactor.isEnabled(me.id())) {
            throw new AccountException(null, "twoFactor.notOn");
        }
        requireCode(me.id(), code);
        log.info("2FA recovery codes replaced: id={}", me.id().value());
        return newRecoveryCodes(me.id(), clock.instant());
    }

    private void requireCode(AccountId account, String code) {
        switch (verify(account, code)) {
            case THROTTLED -> throw new AccountException("code", "twoFactor.tooManyAttempts");
            case WRONG -> throw new AccountException("code", "twoFactor.wrongCode");
            default -> {
            }
        }
    }

    /**
     * Checks a second factor of an account with 2FA on: a six-digit code of the current time step (±1) that was not
     * used before, or an unused recovery code (which is spent). Throttled per account.
     */
    @Transactional
    Check verify(AccountId account, String typed) {
        if (!throttle.trySecondFactor(account)) {
            log.warn("2FA code throttled: id={}", account.value());
            return Check.THROTTLED;
        }
        var row = twoFactor.find(account).filter(TwoFactorRepository.Row::enabled).orElse(null);
        if (row == null) {
            return Check.WRONG;
        }
        Instant now = clock.instant();
        String totp = Totp.normalizeCode(typed);
        if (totp != null) {
            String secret;
            try {
                secret = cipher.decrypt(account, row.secretCipher());
            } catch (IllegalStateException wrongKey) {
                // agora.security.totp-key changed: recovery codes still work, authenticator codes cannot be checked
                log.error("2FA secret does not decrypt (is agora.security.totp-key the one it was sealed with?): id={}",
                        account.value());
                return Check.WRONG;
            }
            OptionalLong step = Totp.matchingStep(secret, totp, now);
            if (step.isEmpty()) {
                log.warn("2FA code wrong: id={}", account.value());
                return Check.WRONG;
            }
            if (!twoFactor.useStep(account, step.getAsLong())) {
                log.warn("2FA code refused, its time step was used already (replay): id={}", account.value());
                return Check.WRONG;
            }
            return Check.ACCEPTED;
        }
        String recovery = RecoveryCodes.normalize(typed);
        if (recovery != null && twoFactor.useRecoveryCode(account, RecoveryCodes.hash(recovery), now)) {
            log.info("2FA recovery code used: id={} left={}", account.value(), twoFactor.recoveryCodesLeft(account));
            return Check.ACCEPTED_RECOVERY_CODE;
        }
        log.warn("2FA code wrong: id={}", account.value());
        return Check.WRONG;
    }

    @Transactional(readOnly = true)
    boolean isEnabled(AccountId account) {
        return twoFactor.isEnabled(account);
    }

    /** Turns 2FA on with a given secret, without a first code: for the demo accounts only. */
    @Transactional
    void enableWithSecret(AccountId account, String secret) {
        if (!Totp.isSecret(secret)) {
            throw new IllegalArgumentException("not a base32 TOTP secret");
        }
        Instant now = clock.instant();
        if (twoFactor.isEnabled(account)) {
            return;
        }
        twoFactor.savePending(account, cipher.encrypt(account, secret), now);
        twoFactor.enable(account, Totp.step(now) - Totp.ALLOWED_DRIFT_STEPS - 1, now);
    }

    private List<String> newRecoveryCodes(AccountId account, Instant now) {
        var codes = RecoveryCodes.generate();
        var hashes = new ArrayList<byte[]>(codes.size());
        for (String code : codes) {
            hashes.add(RecoveryCodes.hash(RecoveryCodes.normalize(code)));
        }
        twoFactor.replaceRecoveryCodes(account, hashes, now);
        return codes;
    }

    /**
     * The code just typed proves the second factor for this session too: its authentication gains
     * {@link #FACTOR_AUTHORITY}, in place (Vaadin keeps the security context in the HTTP session) and saved again
     * when a servlet request is at hand.
     */
    private void grantFactorToCurrentSession(Instant now) {
        var context = SecurityContextHolder.getContext();
        var auth = context.getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AgoraUser user)) {
            return;
        }
        var authorities = new ArrayList<GrantedAuthority>(auth.getAuthorities());
        authorities.removeIf(a -> FACTOR_AUTHORITY.equals(a.getAuthority()));
        authorities.add(FactorGrantedAuthority.withAuthority(FACTOR_AUTHORITY).issuedAt(now).build());
        var upgraded = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        upgraded.setDetails(auth.getDetails());
        context.setAuthentication(upgraded);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            sessionContexts.saveContext(context, request.getRequest(), request.getResponse());
        }
    }
}
