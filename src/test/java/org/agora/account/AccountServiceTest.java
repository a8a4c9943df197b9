package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.agora.support.IntegrationTest;
import org.agora.support.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

@IntegrationTest
class AccountServiceTest {
    @Autowired AccountService service;
    @Autowired AccountRepository accounts;
    @Autowired SessionRepository sessions;
    @Autowired TokenRepository tokens;
    @Autowired TestAccounts testAccounts;
    @Autowired ThrottledAuthenticationProvider authenticationManager;

    private static final String STRONG = "violet kettle marches uphill";

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private String newAddress() {
        return "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private void login(String login, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        token.setDetails(new WebAuthenticationDetails(newAddress(), null));
        authenticationManager.authenticate(token);
    }

    @Test
    void registration_rejects_common_password() {
        String name = TestAccounts.uniqueName("r");
        assertThatThrownBy(() -> service.register(name, name + "@example.org", "password123", Locale.ENGLISH, newAddress()))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> assertThat(((AccountException) e).field()).isEqualTo("password"));
        assertThat(accounts.findByUsername(name)).isEmpty();
    }

    @Test
    void registration_rejects_password_made_of_the_username() {
        String name = "kettlebell" + (System.nanoTime() % 1000);
        assertThatThrownBy(() -> service.register(name, name + "@example.org", name + "1", Locale.ENGLISH, newAddress()))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void registration_rejects_taken_username_without_revealing_email() {
        var existing = testAccounts.member();
        // a taken username is said plainly: usernames are public handles
        assertThatThrownBy(() -> service.register(existing.username().toUpperCase(Locale.ROOT), "new-" + existing.email(),
                STRONG, Locale.ENGLISH, newAddress()))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> assertThat(((AccountException) e).messageKey()).isEqualTo("register.usernameTaken"));
        // a taken email address looks exactly like a successful registration to the caller ...
        String other = TestAccounts.uniqueName("o");
        service.register(other, existing.email().toUpperCase(Locale.ROOT), STRONG, Locale.ENGLISH, newAddress());
        assertThat(accounts.findByUsername(other)).isEmpty();
        // ... and the owner of the address is told by mail
        String body = Mailbox.awaitMail(existing.email(), 1);
        assertThat(body).contains(existing.username()).contains("/forgot-password");
    }

    @Test
    void registration_mails_a_single_use_confirmation_link_required_to_log_in() {
        String name = TestAccounts.uniqueName("c");
        String email = name + "@example.org";
        service.register(name, email, STRONG, Locale.ENGLISH, newAddress());
        assertThatThrownBy(() -> login(name, STRONG)).isInstanceOf(LoginExceptions.EmailNotVerified.class);

        String link = Mailbox.linkPath(Mailbox.awaitMail(email, 1));
        assertThat(link).startsWith("/verify-email?token=");
        String token = link.substring(link.indexOf('=') + 1);
        assertThat(service.confirmEmail(token)).hasValueSatisfying(a -> assertThat(a.emailVerified()).isTrue());
        assertThat(service.confirmEmail(token)).as("second use").isEmpty();
        login(name, STRONG);
        login(email, STRONG); // the email address works as login too
    }

    @Test
    void wrong_password_and_unknown_account_fail_alike() {
        var member = testAccounts.member();
        assertThatThrownBy(() -> login(member.username(), "not the password at all"))
                .isExactlyInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThatThrownBy(() -> login("nobody_" + System.nanoTime(), "not the password at all"))
                .isExactlyInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
    }

    @Test
    void long_passphrases_are_accepted_without_truncation() {
        String name = TestAccounts.uniqueName("l");
        String email = name + "@example.org";
        String passphrase = "the quick brown fox jumps over the lazy dog while seventy-two hungry owls sing loudly"; // 84 chars
        service.register(name, email, passphrase, Locale.ENGLISH, newAddress());
        String link = Mailbox.linkPath(Mailbox.awaitMail(email, 1));
        service.confirmEmail(link.substring(link.indexOf('=') + 1));
        login(name, passphrase);
        assertThatThrownBy(() -> login(name, passphrase.substring(0, 72))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void password_reset_link_works_once_and_ends_every_session() {
        var member = testAccounts.member();
        var a = UUID.randomUUID();
        var b = UUID.randomUUID();
        sessions.insert(a, member.id(), "1.1.1.1", "Firefox", Instant.now());
        sessions.insert(b, member.id(), "2.2.2.2", "Chrome", Instant.now());

        service.requestPasswordReset(member.email(), Locale.ENGLISH, newAddress());
        String link = Mailbox.linkPath(Mailbox.awaitMail(member.email(), 1));
        assertThat(link).startsWith("/reset-password?token=");
        String token = link.substring(link.indexOf('=') + 1);

        service.resetPassword(token, STRONG, Locale.ENGLISH);
        assertThat(sessions.active(member.id())).isEmpty();
        login(member.username(), STRONG);
        assertThatThrownBy(() -> service.resetPassword(token, "another fine passphrase", Locale.ENGLISH))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> assertThat(((AccountException) e).messageKey()).isEqualTo("reset.invalidLink"));
    }

    @Test
    void weak_password_on_reset_does_not_spend_the_link() {
        var member = testAccounts.member();
        service.requestPasswordReset(member.username(), Locale.ENGLISH, newAddress());
        String link = Mailbox.linkPath(Mailbox.awaitMail(member.email(), 1));
        String token = link.substring(link.indexOf('=') + 1);
        assertThatThrownBy(() -> service.resetPassword(token, "12345678", Locale.ENGLISH))
                .isInstanceOf(AccountException.class);
        service.resetPassword(token, STRONG, Locale.ENGLISH); // still valid
        login(member.username(), STRONG);
    }

    @Test
    void reset_link_expires_after_an_hour() {
        var member = testAccounts.member();
        Instant now = Instant.now();
        String token = tokens.create(member.id(), TokenPurpose.RESET_PASSWORD, now);
        assertThat(tokens.consume(token, TokenPurpose.RESET_PASSWORD, now.plusSeconds(3601))).isEmpty();
        assertThat(tokens.consume(token, TokenPurpose.VERIFY_EMAIL, now)).as("wrong purpose").isEmpty();
        assertThat(tokens.consume(token, TokenPurpose.RESET_PASSWORD, now.plusSeconds(3599))).isPresent();
    }

    @Test
    void reset_for_an_unknown_account_sends_nothing_and_looks_the_same() {
        String address = "ghost_" + System.nanoTime() + "@example.org";
        service.requestPasswordReset(address, Locale.ENGLISH, newAddress()); // no exception, no hint
        assertThat(Mailbox.to(address)).isEmpty();
    }

    @Test
    void changing_password_needs_the_current_one_and_ends_other_sessions() {
        var member = testAccounts.member();
        var mine = UUID.randomUUID();
        var other = UUID.randomUUID();
        sessions.insert(mine, member.id(), "1.1.1.1", "Firefox", Instant.now());
        sessions.insert(other, member.id(), "2.2.2.2", "Chrome", Instant.now());
        testAccounts.signIn(member);

        assertThatThrownBy(() -> service.changePassword("wrong", STRONG, Locale.ENGLISH, mine))
                .isInstanceOf(AccountException.class);
        service.changePassword(TestAccounts.PASSWORD, STRONG, Locale.ENGLISH, mine);
        assertThat(sessions.active(member.id())).extracting(SignedInSession::id).containsExactly(mine);
        login(member.username(), STRONG);
    }

    @Test
    void member_cannot_end_another_members_session() {
        var victim = testAccounts.member();
        var attacker = testAccounts.member();
        var session = UUID.randomUUID();
        sessions.insert(session, victim.id(), "1.1.1.1", "Firefox", Instant.now());
        testAccounts.signIn(attacker);
        assertThat(service.endMySession(session)).isFalse();
        assertThat(sessions.isEnded(session)).contains(false);
    }

    @Test
    void account_methods_require_a_signed_in_member() {
        assertThatThrownBy(() -> service.me()).isInstanceOfAny(AccessDeniedException.class,
                AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> service.endMyOtherSessions(null)).isInstanceOfAny(AccessDeniedException.class,
                AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void display_name_is_cleaned_and_a_stale_edit_is_refused() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var updated = service.changeDisplayName("  Ada\u202E Lovelace\u0007 ", member.version());
        assertThat(updated.displayName()).isEqualTo("Ada Lovelace");
        assertThatThrownBy(() -> service.changeDisplayName("Someone else", member.version()))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> assertThat(((AccountException) e).messageKey()).isEqualTo("account.changedElsewhere"));
        assertThatThrownBy(() -> service.changeDisplayName("x".repeat(61), updated.version()))
                .isInstanceOf(AccountException.class);
    }
}
