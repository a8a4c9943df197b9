package org.agora.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.agora.shared.i18n.Messages;
import org.agora.shared.filter.ContentFilter;
import org.agora.shared.filter.ContentRefused;
import org.agora.shared.mail.Mailer;
import org.springframework.beans.factory.ObjectProvider;
import org.agora.shared.text.LogSafe;
import org.agora.shared.text.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: registration with a confirmed email address, password reset, profile and sessions.
 * <p>
 * No answer tells whether an email address has an account: registration with a known address, a reset
 * for an unknown one and a new confirmation link all look alike to the caller (the owner of a known address
 * gets a mail saying what happened). Usernames are public handles, so a taken username is said plainly.
 */
@Service
public class AccountService {
    public static final int USERNAME_MAX = 20;
    public static final int DISPLAY_NAME_MAX = 60;
    public static final int EMAIL_MAX = 254;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{3,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final TokenRepository tokens;
    private final SessionTracker sessions;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Mailer mailer;
    private final Clock clock;
    private final String baseUrl;
    private final ObjectProvider<ContentFilter> filters;

    AccountService(AccountRepository accounts, TokenRepository tokens, SessionTracker sessions, PasswordPolicy policy,
                   PasswordHasher hasher, LoginThrottle throttle, Mailer mailer, Clock clock,
                   @Value("${agora.base-url:http://localhost:8080}") String baseUrl,
                   ObjectProvider<ContentFilter> filters) {
        this.filters = filters;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.policy = policy;
        this.hasher = hasher;
        this.throttle = throttle;
        this.mailer = mailer;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Registers a member and mails a confirmation link; the account can sign in once the address is confirmed.
     * If the address already has an account, nothing is created, its owner is told by mail, and the caller sees
     * the same outcome as for a new address.
     */
    @Transactional
    public void register(String rawUsername, String rawEmail, String password, Locale locale, String address) {
        String username = TextInput.clean(rawUsername);
        String email = TextInput.clean(rawEmail);
        // a name is taken as typed: hidden characters (NUL, direction overrides) are refused, not silently dropped
        if (!USERNAME.matcher(username).matches() || rawUsername == null || !username.equals(rawUsername.strip())) {
            throw new AccountException("username", "register.usernameInvalid");
        }
        try {
            filters.getIfAvailable(() -> ContentFilter.NONE).check(ContentFilter.Field.USERNAME, username);
        } catch (ContentRefused e) {
            throw new AccountException("username", e.messageKey(), e.args());
        }
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw new AccountException("email", "register.emailInvalid");
        }
        requireStrong(password, locale, username, email);
        if (!throttle.tryMailRequest(address)) {
            throw new AccountException(null, "account.tooManyRequests");
        }
        String hash = hasher.encode(password); // hashed in every case, so timing does not tell a known address
        if (accounts.usernameTaken(username)) {
            throw new AccountException("username", "register.usernameTaken");
        }
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            Locale to = localeOf(existing.get(), locale);
            mailer.send(existing.get().email(), Messages.get(to, "mail.registeredAgain.subject"),
                    Messages.get(to, "mail.registeredAgain.body", existing.get().username(), baseUrl + "/forgot-password"));
            log.info("registration with an address that has an account: username={}", LogSafe.of(username));
            return;
        }
        AccountId id;
        try {
            id = accounts.insert(username, email, username, hash, Role.MEMBER, null);
        } catch (DuplicateKeyException race) {
            // the same username or address was registered a moment ago by another request
            if (accounts.usernameTaken(username)) {
                throw new AccountException("username", "register.usernameTaken");
            }
            return;
        }
        accounts.updateLocale(id, Messages.supported(locale).getLanguage());
        sendConfirmation(id, email, username, locale);
        log.info("registered: username={} id={}", LogSafe.of(username), id.value());
    }

    /** Confirms the address behind a mailed link. @return the confirmed account, empty if the link is invalid */
    @Transactional
    public Optional<Account> confirmEmail(String token) {
        return tokens.consume(token, TokenPurpose.VERIFY_EMAIL, clock.instant()).map(id -> {
            accounts.markEmailVerified(id);
            return accounts.find(id).orElseThrow();
        });
    }

    /** Sends a new confirmation link if the address has an unconfirmed account; says nothing either way. */
    @Transactional
    public void resendConfirmation(String rawEmail, Locale locale, String address) {
        if (!throttle.tryMailRequest(address)) {
            throw new AccountException(null, "account.tooManyRequests");
        }
        accounts.findByEmail(TextInput.clean(rawEmail)).filter(a -> !a.emailVerified()).ifPresent(a -> {
            tokens.voidAll(a.id(), TokenPurpose.VERIFY_EMAIL, clock.instant());
            sendConfirmation(a.id(), a.email(), a.username(), localeOf(a, locale));
        });
    }

    /** Mails a reset link if the username or address has an account; says nothing either way. */
    @Transactional
    public void requestPasswordReset(String login, Locale locale, String address) {
        if (!throttle.tryMailRequest(address)) {
            throw new AccountException(null, "account.tooManyRequests");
        }
        accounts.findByLogin(TextInput.clean(login)).ifPresent(a -> {
            tokens.voidAll(a.id(), TokenPurpose.RESET_PASSWORD, clock.instant());
            String token = tokens.create(a.id(), TokenPurpose.RESET_PASSWORD, clock.instant());
            Locale to = localeOf(a, locale);
            mailer.send(a.email(), Messages.get(to, "mail.reset.subject"),
                    Messages.get(to, "mail.reset.body", a.username(), baseUrl + "/reset-password?token=" + token));
            log.info("password reset requested: id={}", a.id().value());
        });
    }

    /**
     * Sets a new password from a mailed reset link, confirms the address (the link proved it) and ends every
     * session of the account.
     */
    @Transactional
    public Account resetPassword(String token, String newPassword, Locale locale) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw new AccountException("password", "password.tooShort");
        }
        // the strength check needs the account's words, but the token must only be spent on success
        var id = tokens.consume(token, TokenPurpose.RESET_PASSWORD, clock.instant())
                .orElseThrow(() -> new AccountException(null, "reset.invalidLink"));
        var account = accounts.find(id).orElseThrow();
        requireStrong(newPassword, locale, account.username(), account.email());
        accounts.updatePasswordHash(id, hasher.encode(newPassword));
        accounts.markEmailVerified(id);
        int ended = sessions.endAll(id, null, "password-reset");
        log.info("password reset: id={} sessionsEnded={}", id.value(), ended);
        return account;
    }

    /** Whether a reset link can still be used (to say so before the member types a new password). */
    @Transactional(readOnly = true)
    public boolean isResetLinkUsable(String token) {
        return tokens.isUsable(token, TokenPurpose.RESET_PASSWORD, clock.instant());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changePassword(String currentPassword, String newPassword, Locale locale, UUID currentSession) {
        var me = CurrentUser.require();
        var account = accounts.find(me.id()).orElseThrow();
        if (!throttle.tryAccount(account.username())
                || !hasher.matches(currentPassword == null ? "" : currentPassword, accounts.passwordHash(me.id()).orElseThrow())) {
            throw new AccountException("currentPassword", "account.password.wrongCurrent");
        }
        requireStrong(newPassword, locale, account.username(), account.email());
        accounts.updatePasswordHash(me.id(), hasher.encode(newPassword));
        tokens.voidAll(me.id(), TokenPurpose.RESET_PASSWORD, clock.instant());
        sessions.endAll(me.id(), currentSession, "password-changed");
        log.info("password changed: id={}", me.id().value());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Account changeDisplayName(String rawName, int version) {
        var me = CurrentUser.require();
        String name = TextInput.clean(rawName);
        if (name.isEmpty() || TextInput.length(name) > DISPLAY_NAME_MAX) {
            throw new AccountException("displayName", "account.displayName.invalid");
        }
        if (!accounts.updateDisplayName(me.id(), version, name)) {
            throw new AccountException("displayName", "account.changedElsewhere");
        }
        return accounts.find(me.id()).orElseThrow();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Account me() {
        return accounts.find(CurrentUser.require().id()).orElseThrow();
    }

    /** The signed-in member's account, if any (for the app shell). */
    @Transactional(readOnly = true)
    public Optional<Account> current() {
        return CurrentUser.get().flatMap(u -> accounts.find(u.id()));
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username == null ? "" : username);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setTheme(String theme) {
        if (!"dark".equals(theme) && !"light".equals(theme)) {
            throw new AccountException(null, "account.invalidTheme");
        }
        accounts.updateTheme(CurrentUser.require().id(), theme);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void setLocale(Locale locale) {
        accounts.updateLocale(CurrentUser.require().id(), Messages.supported(locale).getLanguage());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SignedInSession> mySessions(UUID currentSession) {
        return sessions.list(CurrentUser.require().id(), currentSession);
    }

    /** Ends one of the signed-in member's own sessions; another member's session id does nothing. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean endMySession(UUID session) {
        return sessions.end(CurrentUser.require().id(), session, "ended-by-owner");
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int endMyOtherSessions(UUID currentSession) {
        return sessions.endAll(CurrentUser.require().id(), currentSession, "ended-by-owner");
    }

    public PasswordPolicy.Strength passwordStrength(String password, Locale locale, String... userWords) {
        return policy.evaluate(password, locale, userWords);
    }

    private void requireStrong(String password, Locale locale, String... userWords) {
        var strength = policy.evaluate(password, locale, userWords);
        if (!strength.acceptable()) {
            throw new AccountException("password", strength.problemKey());
        }
    }

    private void sendConfirmation(AccountId id, String email, String username, Locale locale) {
        String token = tokens.create(id, TokenPurpose.VERIFY_EMAIL, clock.instant());
        mailer.send(email, Messages.get(locale, "mail.confirm.subject"),
                Messages.get(locale, "mail.confirm.body", username, baseUrl + "/verify-email?token=" + token));
    }

    private static Locale localeOf(Account account, Locale fallback) {
        return account.locale() == null ? fallback : Locale.forLanguageTag(account.locale());
    }
}
