package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

@IntegrationTest
class ApiTokenServiceTest {
    @Autowired ApiTokenService tokens;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    Account alice;

    @BeforeEach
    void signIn() {
        alice = testAccounts.member();
        testAccounts.signIn(alice);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void token_is_shown_once_and_only_its_hash_is_stored() throws Exception {
        var created = tokens.create("  forecast bot  ", ApiScope.WRITE);

        assertThat(created.secret()).startsWith("agora_").hasSize("agora_".length() + 43)
                .matches("agora_[A-Za-z0-9_-]{43}");
        assertThat(created.token().name()).isEqualTo("forecast bot");
        assertThat(created.toString()).doesNotContain(created.secret().substring(6));
        var row = jdbc.sql("select name, scope, token_hash from account_api_token where id = :id")
                .param("id", created.token().id())
                .query((rs, n) -> new Object[] {rs.getString("name"), rs.getString("scope"), rs.getBytes("token_hash")})
                .single();
        assertThat(row[0]).isEqualTo("forecast bot");
        assertThat(row[1]).isEqualTo("WRITE");
        assertThat((byte[]) row[2]).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest(created.secret().getBytes(StandardCharsets.UTF_8)));
        assertThat(new String((byte[]) row[2], StandardCharsets.ISO_8859_1)).doesNotContain(created.secret());
        assertThat(tokens.list()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(created.token().id());
            assertThat(t.toString()).doesNotContain(created.secret().substring(6));
            assertThat(t.lastUsedAt()).isNull();
        });
    }

    @Test
    void two_tokens_are_never_the_same() {
        var a = tokens.create("a", ApiScope.READ);
        var b = tokens.create("b", ApiScope.READ);
        assertThat(a.secret()).isNotEqualTo(b.secret());
    }

    @Test
    void a_token_authenticates_its_member_with_its_scope() {
        var created = tokens.create("reader", ApiScope.READ);
        assertThat(tokens.authenticate(created.secret())).hasValueSatisfying(caller -> {
            assertThat(caller.user().id()).isEqualTo(alice.id());
            assertThat(caller.user().getUsername()).isEqualTo(alice.username());
            assertThat(caller.scope()).isEqualTo(ApiScope.READ);
        });
    }

    @Test
    void malformed_and_unknown_tokens_do_not_authenticate() {
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate("agora_" + "x".repeat(43))).isEmpty();
        assertThat(tokens.authenticate("not-a-token")).isEmpty();
    }

    @Test
    void member_revokes_their_own_token() {
        var created = tokens.create("old bot", ApiScope.WRITE);
        assertThat(tokens.revoke(created.token().id())).isTrue();
        assertThat(tokens.list()).isEmpty();
        assertThat(tokens.revoke(created.token().id())).as("already revoked").isFalse();
    }

    @Test
    void a_revoked_token_no_longer_authenticates() {
        var created = tokens.create("leaked", ApiScope.WRITE);
        assertThat(tokens.authenticate(created.secret())).isPresent();
        tokens.revoke(created.token().id());
        assertThat(tokens.authenticate(created.secret())).isEmpty();
    }

    @Test
    void another_member_can_neither_see_nor_revoke_a_token() {
        var created = tokens.create("alice's bot", ApiScope.WRITE);
        testAccounts.signIn(testAccounts.member());

        assertThat(tokens.list()).isEmpty();
        assertThat(tokens.revoke(created.token().id())).isFalse();

        testAccounts.signIn(alice);
        assertThat(tokens.list()).extracting(ApiToken::id).containsExactly(created.token().id());
        assertThat(tokens.authenticate(created.secret())).isPresent();
    }

    @Test
    void last_use_is_noted_at_most_once_a_minute() {
        var created = tokens.create("busy bot", ApiScope.READ);
        long id = created.token().id();
        tokens.authenticate(created.secret());
        Instant first = lastUsed(id);
        assertThat(first).isNotNull();

        tokens.authenticate(created.secret());
        assertThat(lastUsed(id)).as("within the minute").isEqualTo(first);

        Instant longAgo = Instant.now().minus(2, ChronoUnit.MINUTES);
        jdbc.sql("update account_api_token set last_used_at = :at where id = :id")
                .param("at", Timestamp.from(longAgo)).param("id", id).update();
        tokens.authenticate(created.secret());
        assertThat(lastUsed(id)).isAfter(longAgo.plusSeconds(60));
        assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(lastUsed(id)));
    }

    @Test
    void a_member_has_at_most_ten_active_tokens() {
        long first = 0;
        for (int i = 0; i < ApiTokenService.ACTIVE_MAX; i++) {
            long id = tokens.create("bot " + i, ApiScope.READ).token().id();
            first = i == 0 ? id : first;
        }
        assertThatThrownBy(() -> tokens.create("one too many", ApiScope.READ))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.messageKey()).isEqualTo("apiToken.tooMany"));

        tokens.revoke(first);
        assertThat(tokens.create("room again", ApiScope.READ).secret()).startsWith("agora_");
    }

    @Test
    void a_token_needs_a_short_name_and_a_scope() {
        assertThatThrownBy(() -> tokens.create("   ", ApiScope.READ))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> tokens.create("x".repeat(61), ApiScope.READ))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.messageKey()).isEqualTo("apiToken.nameInvalid"));
        assertThatThrownBy(() -> tokens.create("bot", null))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.field()).isEqualTo("scope"));
        assertThat(tokens.list()).isEmpty();
    }

    @Test
    void readers_cannot_create_or_list_tokens() {
        TestAccounts.signOut();
        assertThatThrownBy(() -> tokens.create("bot", ApiScope.READ))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        assertThatThrownBy(() -> tokens.list())
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
    }

    private Instant lastUsed(long id) {
        return jdbc.sql("select last_used_at from account_api_token where id = :id").param("id", id)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional().orElse(null);
    }
}
