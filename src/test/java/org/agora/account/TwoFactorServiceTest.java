package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.agora.support.IntegrationTest;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

@IntegrationTest
class TwoFactorServiceTest {
    @Autowired TwoFactorService service;
    @Autowired TwoFactorLogin login;
    @Autowired StaffSecurity staff;
    @Autowired TestAccounts testAccounts;
    @Autowired ThrottledAuthenticationProvider passwords;
    @Autowired TotpSecretCipher cipher;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** A six-digit code that is none of the codes accepted now. */
    private static String wrongCode(String secret) {
        var valid = Set.of(TestAccounts.totpCode(secret, -1), TestAccounts.totpCode(secret), TestAccounts.totpCode(secret, 1));
        int n = 0;
        while (valid.contains(String.format("%06d", n))) {
            n++;
        }
        return String.format("%06d", n);
    }

    /** The password step, as the login form runs it; leaves its result in the security context. */
    private Authentication passwordStep(Account account) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(account.username(), TestAccounts.PASSWORD);
        token.setDetails(new WebAuthenticationDetails("10.9." + (int) (Math.random() * 250) + ".1", null));
        var result = passwords.authenticate(token);
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(result);
        SecurityContextHolder.setContext(securityContext);
        return result;
    }

    private static Set<String> authorities(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }

    private record Http(MockHttpServletRequest request, MockHttpServletResponse response) {
        static Http withSession() {
            var request = new MockHttpServletRequest("POST", "/");
            request.setSession(new MockHttpSession());
            return new Http(request, new MockHttpServletResponse());
        }
    }

    private TwoFactorLogin.Outcome code(Http http, String code) {
        return login.complete(code, http.request(), http.response());
    }

    @Test
    void setting_up_takes_a_current_code_and_gives_ten_single_use_recovery_codes() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var enrolment = service.startEnrolment();
        assertThat(enrolment.otpauthUri()).contains("secret=" + enrolment.secret(), "issuer=Agora");
        assertThat(service.status().enabled()).isFalse();

        assertThatThrownBy(() -> service.confirmEnrolment(wrongCode(enrolment.secret())))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> assertThat(((AccountException) e).messageKey()).isEqualTo("twoFactor.wrongCode"));
        assertThat(service.status().enabled()).isFalse();

        List<String> codes = service.confirmEnrolment(TestAccounts.totpCode(enrolment.secret()));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        var status = service.status();
        assertThat(status.enabled()).isTrue();
        assertThat(status.recoveryCodesLeft()).isEqualTo(10);
        assertThat(status.requiredForRole()).isFalse();
        // the code just typed counts as this session's second factor
        assertThat(authorities(SecurityContextHolder.getContext().getAuthentication()))
                .contains(TwoFactorService.FACTOR_AUTHORITY, "ROLE_MEMBER");
        assertThatThrownBy(service::startEnrolment).isInstanceOf(AccountException.class);
    }

    @Test
    void the_secret_is_stored_encrypted_never_in_plain_text() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var enrolment = service.startEnrolment();
        service.confirmEnrolment(TestAccounts.totpCode(enrolment.secret()));

        byte[] stored = jdbc.sql("select secret_cipher from account_two_factor where account_id = :id")
                .param("id", member.id().value()).query(byte[].class).single();
        String asText = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain(enrolment.secret()).doesNotContain(enrolment.secret().toLowerCase());
        byte[] raw = new Base32().decode(enrolment.secret());
        assertThat(java.util.Collections.indexOfSubList(toList(stored), toList(raw))).isEqualTo(-1);
        assertThat(stored.length).isEqualTo(1 + 12 + enrolment.secret().length() + 16);
        assertThat(cipher.decrypt(member.id(), stored)).isEqualTo(enrolment.secret());
        // no other column holds it either
        String row = jdbc.sql("select account_two_factor::text from account_two_factor where account_id = :id")
                .param("id", member.id().value()).query(String.class).single();
        assertThat(row).doesNotContain(enrolment.secret());
    }

    private static List<Byte> toList(byte[] bytes) {
        var list = new java.util.ArrayList<Byte>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    @Test
    void a_correct_password_alone_gives_no_role_and_no_login() {
        var member = testAccounts.member();
        testAccounts.enableTwoFactor(member);
        var result = passwordStep(member);

        assertThat(result).isInstanceOf(PasswordOnlyAuthentication.class);
        assertThat(result.isAuthenticated()).isFalse();
        assertThat(authorities(result)).containsExactly(FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(result.getPrincipal()).isNotInstanceOf(AgoraUser.class);
        assertThat(CurrentUser.get()).isEmpty();
        assertThat(TwoFactorLogin.pendingUsername()).contains(member.username());
        assertThatThrownBy(() -> result.setAuthenticated(true)).isInstanceOf(IllegalArgumentException.class);
        // method security treats it as nobody
        assertThatThrownBy(service::status).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        // an account without 2FA logs in with its password alone, as before
        var other = testAccounts.member();
        var plain = passwordStep(other);
        assertThat(plain.getPrincipal()).isInstanceOf(AgoraUser.class);
        assertThat(authorities(plain)).contains("ROLE_MEMBER", FactorGrantedAuthority.PASSWORD_AUTHORITY);
    }

    @Test
    void login_completes_with_a_current_code_in_a_new_session() {
        var member = testAccounts.member();
        String secret = testAccounts.enableTwoFactor(member);
        passwordStep(member);
        var http = Http.withSession();
        String sessionBefore = http.request().getSession().getId();

        assertThat(code(http, TestAccounts.totpCode(secret))).isEqualTo(TwoFactorLogin.Outcome.SIGNED_IN);

        var auth = SecurityContextHolder.getContext().getAuthentication();
        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(auth.getPrincipal()).isInstanceOfSatisfying(AgoraUser.class, u -> assertThat(u.id()).isEqualTo(member.id()));
        assertThat(authorities(auth)).contains("ROLE_MEMBER", FactorGrantedAuthority.PASSWORD_AUTHORITY,
                TwoFactorService.FACTOR_AUTHORITY);
        assertThat(TwoFactorLogin.isPending()).isFalse();
        var session = http.request().getSession();
        assertThat(session.getId()).isNotEqualTo(sessionBefore);
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .isInstanceOfSatisfying(org.springframework.security.core.context.SecurityContext.class,
                        c -> assertThat(c.getAuthentication()).isSameAs(auth));
        assertThat(session.getAttribute(SessionTracker.KEY)).as("tracked like any login").isNotNull();
    }

    @Test
    void a_wrong_code_and_a_replayed_code_are_refused() {
        var member = testAccounts.member();
        String secret = testAccounts.enableTwoFactor(member);
        passwordStep(member);
        var http = Http.withSession();
        assertThat(code(http, wrongCode(secret))).isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);
        assertThat(TwoFactorLogin.isPending()).as("the password step still stands").isTrue();
        assertThat(code(http, "not a code")).isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);

        String used = TestAccounts.totpCode(secret, 1);
        assertThat(code(http, used)).isEqualTo(TwoFactorLogin.Outcome.SIGNED_IN);

        // someone who saw the code tries it in their own login within its 90 seconds
        passwordStep(member);
        var attacker = Http.withSession();
        assertThat(code(attacker, used)).isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);
        // an earlier step than the used one is refused too
        assertThat(code(attacker, TestAccounts.totpCode(secret))).isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);
        assertThat(TwoFactorLogin.isPending()).isTrue();
    }

    @Test
    void a_recovery_code_works_once() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var enrolment = service.startEnrolment();
        String recovery = service.confirmEnrolment(TestAccounts.totpCode(enrolment.secret())).get(3);
        TestAccounts.signOut();

        passwordStep(member);
        assertThat(code(Http.withSession(), recovery.toUpperCase())).isEqualTo(TwoFactorLogin.Outcome.SIGNED_IN);
        assertThat(service.status().recoveryCodesLeft()).isEqualTo(9);

        passwordStep(member);
        assertThat(code(Http.withSession(), recovery)).isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);
    }

    @Test
    void a_secret_sealed_with_another_key_refuses_codes_but_recovery_codes_still_work() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var enrolment = service.startEnrolment();
        String recovery = service.confirmEnrolment(TestAccounts.totpCode(enrolment.secret())).getFirst();
        TestAccounts.signOut();
        byte[] otherKey = new byte[32];
        otherKey[31] = 9;
        jdbc.sql("update account_two_factor set secret_cipher = :cipher where account_id = :id")
                .param("cipher", new TotpSecretCipher(otherKey).encrypt(member.id(), enrolment.secret()))
                .param("id", member.id().value()).update();

        passwordStep(member);
        assertThat(code(Http.withSession(), TestAccounts.totpCode(enrolment.secret(), 1)))
                .isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);
        assertThat(code(Http.withSession(), recovery)).isEqualTo(TwoFactorLogin.Outcome.SIGNED_IN);
    }

    @Test
    void code_attempts_are_throttled_per_account() {
        var member = testAccounts.member();
        String secret = testAccounts.enableTwoFactor(member);
        var other = testAccounts.member();
        String otherSecret = testAccounts.enableTwoFactor(other);
        passwordStep(member);
        var http = Http.withSession();
        for (int i = 0; i < 5; i++) {
            assertThat(code(http, wrongCode(secret))).isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);
        }
        // even the right code is refused now, without being checked (or spent)
        assertThat(code(http, TestAccounts.totpCode(secret))).isEqualTo(TwoFactorLogin.Outcome.THROTTLED);

        // another account is not affected
        passwordStep(other);
        assertThat(code(Http.withSession(), TestAccounts.totpCode(otherSecret))).isEqualTo(TwoFactorLogin.Outcome.SIGNED_IN);
    }

    @Test
    void a_password_step_left_too_long_must_start_over() {
        var member = testAccounts.member();
        String secret = testAccounts.enableTwoFactor(member);
        var user = (AgoraUser) context.getBean(AccountUserDetailsService.class).loadUserByUsername(member.username());
        var stale = PasswordOnlyAuthentication.after(user,
                Instant.now().minus(TwoFactorLogin.PENDING_LIFETIME).minus(Duration.ofSeconds(1)), null);
        SecurityContextHolder.getContext().setAuthentication(stale);

        assertThat(code(Http.withSession(), TestAccounts.totpCode(secret))).isEqualTo(TwoFactorLogin.Outcome.EXPIRED);
        assertThat(TwoFactorLogin.isPending()).isFalse();
        assertThat(CurrentUser.get()).isEmpty();
    }

    @Test
    void turning_off_takes_the_password_and_a_code() {
        var member = testAccounts.member();
        String secret = testAccounts.enableTwoFactor(member);
        testAccounts.signIn(member);

        assertThatThrownBy(() -> service.disable("wrong password", TestAccounts.totpCode(secret)))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> assertThat(((AccountException) e).field()).isEqualTo("password"));
        assertThatThrownBy(() -> service.disable(TestAccounts.PASSWORD, wrongCode(secret)))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> assertThat(((AccountException) e).field()).isEqualTo("code"));
        assertThat(service.status().enabled()).isTrue();

        service.disable(TestAccounts.PASSWORD, TestAccounts.totpCode(secret));
        assertThat(service.status().enabled()).isFalse();
        assertThat(jdbc.sql("select count(*) from account_two_factor where account_id = :id")
                .param("id", member.id().value()).query(Long.class).single()).isZero();

        // and the password alone logs in again
        assertThat(passwordStep(member).getPrincipal()).isInstanceOf(AgoraUser.class);
    }

    @Test
    void new_recovery_codes_replace_the_old_ones() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var enrolment = service.startEnrolment();
        String old = service.confirmEnrolment(TestAccounts.totpCode(enrolment.secret())).getFirst();

        var fresh = service.regenerateRecoveryCodes(TestAccounts.totpCode(enrolment.secret(), 1));
        assertThat(fresh).hasSize(10).doesNotContain(old);
        TestAccounts.signOut();

        passwordStep(member);
        assertThat(code(Http.withSession(), old)).isEqualTo(TwoFactorLogin.Outcome.WRONG_CODE);
        assertThat(code(Http.withSession(), fresh.getLast())).isEqualTo(TwoFactorLogin.Outcome.SIGNED_IN);
    }

    @Test
    void staff_without_a_second_factor_fail_the_service_check() {
        var moderator = testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR);
        testAccounts.signIn(moderator);
        assertThat(staff.twoFactorVerified()).isFalse();
        assertThatThrownBy(staff::requireTwoFactor).isInstanceOf(TwoFactorRequired.class);
        assertThat(service.status().requiredForRole()).isTrue();

        String secret = testAccounts.enableTwoFactor(moderator);
        assertThat(staff.twoFactorVerified()).as("this session has not passed a second factor").isFalse();
        testAccounts.signIn(moderator);
        assertThat(staff.twoFactorVerified()).isTrue();
        staff.requireTwoFactor();

        // turning it off closes the console at once, even for a session that passed it
        service.disable(TestAccounts.PASSWORD, TestAccounts.totpCode(secret));
        assertThat(staff.twoFactorVerified()).isFalse();
        assertThatThrownBy(staff::requireTwoFactor).isInstanceOf(TwoFactorRequired.class);

        // a member with 2FA is not staff
        var member = testAccounts.member();
        testAccounts.enableTwoFactor(member);
        testAccounts.signIn(member);
        assertThat(staff.twoFactorVerified()).isTrue();
        assertThatThrownBy(staff::requireTwoFactor).isInstanceOf(TwoFactorRequired.class);
    }

    static class StaffTool {
        @StaffWithTwoFactor
        void act() {
        }
    }

    @Test
    void the_staff_annotation_needs_the_role_and_a_second_factor() throws Exception {
        // the manager method security puts in front of a @PreAuthorize method, resolving @beans from this context
        var expressions = new org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        var manager = new PreAuthorizeAuthorizationManager();
        manager.setExpressionHandler(expressions);
        var call = new SimpleMethodInvocation(new StaffTool(), StaffTool.class.getDeclaredMethod("act"));
        java.util.function.BooleanSupplier allowed = () -> manager.authorize(
                () -> SecurityContextHolder.getContext().getAuthentication(), call).isGranted();

        var moderator = testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR);
        testAccounts.signIn(moderator);
        assertThat(allowed.getAsBoolean()).isFalse();
        testAccounts.enableTwoFactor(moderator);
        testAccounts.signIn(moderator);
        assertThat(allowed.getAsBoolean()).isTrue();

        var member = testAccounts.member();
        testAccounts.enableTwoFactor(member);
        testAccounts.signIn(member);
        assertThat(allowed.getAsBoolean()).isFalse();
    }
}
