package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void short_passwords_are_refused() {
        assertThat(policy.evaluate("Xk9#qL2", Locale.ENGLISH).problemKey()).isEqualTo("password.tooShort");
    }

    @Test
    void common_passwords_are_refused_whatever_their_composition() {
        for (String common : new String[] {"password1", "Password123!", "qwertyuiop", "iloveyou2", "12345678"}) {
            assertThat(policy.evaluate(common, Locale.ENGLISH).acceptable()).as(common).isFalse();
        }
    }

    @Test
    void the_members_own_name_makes_a_weak_password() {
        assertThat(policy.evaluate("margarethe1983", Locale.ENGLISH, "margarethe", "m@example.org").acceptable()).isFalse();
    }

    @Test
    void a_passphrase_without_digits_or_symbols_is_accepted() {
        var strength = policy.evaluate("violet kettle marches uphill", Locale.ENGLISH);
        assertThat(strength.acceptable()).isTrue();
        assertThat(strength.score()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void very_long_passwords_are_accepted_up_to_the_limit() {
        assertThat(policy.evaluate("a fine long passphrase ".repeat(40), Locale.ENGLISH).acceptable()).isTrue();
        assertThat(policy.evaluate("z".repeat(1001), Locale.ENGLISH).problemKey()).isEqualTo("password.tooLong");
    }

    @Test
    void feedback_follows_the_language() {
        var de = policy.evaluate("password1", Locale.GERMAN);
        assertThat(de.acceptable()).isFalse();
        assertThat(de.problemKey()).isEqualTo("password.guessable");
    }
}
