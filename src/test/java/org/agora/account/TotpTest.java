package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.agora.shared.db.DatabaseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP codes, the sealing of secrets and recovery codes: pure rules, no Spring. */
class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codes_match_the_rfc_6238_test_vectors() {
        // the RFC's 8-digit codes 94287082, 07081804, 14050471 end in these six digits
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
    }

    @Test
    void a_code_is_accepted_one_step_early_or_late_but_not_two() {
        Instant now = Instant.parse("2026-03-01T12:00:10Z");
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
    }

    @Test
    void typed_codes_may_have_spaces_or_a_dash_but_nothing_else() {
        assertThat(Totp.normalizeCode(" 123 456 ")).isEqualTo("123456");
        assertThat(Totp.normalizeCode("123-456")).isEqualTo("123456");
        assertThat(Totp.normalizeCode("12345")).isNull();
        assertThat(Totp.normalizeCode("1234567")).isNull();
        assertThat(Totp.normalizeCode("12345a")).isNull();
        assertThat(Totp.normalizeCode(null)).isNull();
        assertThat(Totp.matchingStep(RFC_SECRET, "not a code", Instant.now())).isEmpty();
    }

    @Test
    void new_secrets_are_160_bit_base32_and_the_uri_names_agora() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
        assertThat(Totp.uri("alice", secret)).startsWith("otpauth://totp/alice?secret=" + secret)
                .contains("issuer=Agora", "digits=6", "period=30", "algorithm=SHA1");
    }

    @Test
    void a_sealed_secret_opens_only_with_its_key_and_for_its_account() {
        var cipher = new TotpSecretCipher(new byte[32]);
        byte[] sealed = cipher.encrypt(new AccountId(7), RFC_SECRET);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(RFC_SECRET);
        assertThat(cipher.encrypt(new AccountId(7), RFC_SECRET)).as("a new nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(new AccountId(7), sealed)).isEqualTo(RFC_SECRET);
        assertThatThrownBy(() -> cipher.decrypt(new AccountId(8), sealed)).isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new TotpSecretCipher(otherKey).decrypt(new AccountId(7), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_embedded_database_gets_a_development_key_kept_beside_its_data(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data/postgres");
        var first = TotpSecretCipher.fromConfig("", DatabaseMode.EMBEDDED, dataDir);
        Path keyFile = dir.resolve("data/totp.key");
        assertThat(keyFile).exists();
        assertThat(Files.getPosixFilePermissions(keyFile)).hasSize(2); // owner read and write only
        byte[] sealed = first.encrypt(new AccountId(1), RFC_SECRET);
        var again = TotpSecretCipher.fromConfig(null, DatabaseMode.EMBEDDED, dataDir);
        assertThat(again.decrypt(new AccountId(1), sealed)).as("the same key after a restart").isEqualTo(RFC_SECRET);
    }

    @Test
    void an_external_database_needs_a_configured_key_of_32_bytes() {
        assertThatThrownBy(() -> TotpSecretCipher.fromConfig("", DatabaseMode.EXTERNAL, Path.of("unused")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("agora.security.totp-key");
        assertThatThrownBy(() -> TotpSecretCipher.fromConfig("c2hvcnQ=", DatabaseMode.EXTERNAL, Path.of("unused")))
                .isInstanceOf(IllegalArgumentException.class);
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(TotpSecretCipher.fromConfig(key, DatabaseMode.EXTERNAL, Path.of("unused"))
                .decrypt(new AccountId(3), new TotpSecretCipher(new byte[32]).encrypt(new AccountId(3), RFC_SECRET)))
                .isEqualTo(RFC_SECRET);
    }

    @Test
    void recovery_codes_are_ten_distinct_80_bit_codes_typed_loosely() {
        var codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
        String code = codes.getFirst();
        assertThat(RecoveryCodes.normalize(" " + code.toUpperCase() + " ")).isEqualTo(code.replace("-", ""));
        assertThat(RecoveryCodes.normalize("123456")).isNull();
        assertThat(RecoveryCodes.hash(RecoveryCodes.normalize(code))).hasSize(32);
    }

    @Test
    void only_paths_on_this_site_are_remembered_for_after_the_code() {
        assertThat(TwoFactorLogin.isLocalPath("/moderation")).isTrue();
        assertThat(TwoFactorLogin.isLocalPath("/threads/3?view=map")).isTrue();
        assertThat(TwoFactorLogin.isLocalPath("//evil.example/")).isFalse();
        assertThat(TwoFactorLogin.isLocalPath("https://evil.example/")).isFalse();
        assertThat(TwoFactorLogin.isLocalPath("/\\evil.example")).isFalse();
        assertThat(TwoFactorLogin.isLocalPath("/login/code")).isFalse();
    }
}
