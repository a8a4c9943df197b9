package org.agora.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import org.agora.account.Account;
import org.agora.account.AccountService;
import org.agora.account.ApiScope;
import org.agora.account.ApiTokenService;
import org.agora.account.TestAccounts;
import org.agora.account.TwoFactorService;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AccountViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired AccountService accounts;
    @Autowired ApiTokenService apiTokens;
    Account member;

    @BeforeEach
    void signIn() {
        member = testAccounts.member();
        testAccounts.signIn(member);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void member_changes_their_display_name() {
        var view = navigate(AccountView.class);
        test(view.displayName).setValue("Grace Hopper");
        test(view.saveName).click();
        assertThat(accounts.me().displayName()).isEqualTo("Grace Hopper");
        assertThat(view.displayName.isInvalid()).isFalse();
    }

    @Test
    void empty_display_name_is_refused_with_a_message() {
        var view = navigate(AccountView.class);
        test(view.displayName).setValue("   ");
        test(view.saveName).click();
        assertThat(view.displayName.isInvalid()).isTrue();
        assertThat(accounts.me().displayName()).isEqualTo(member.displayName());
    }

    @Test
    void wrong_current_password_is_refused_on_its_field() {
        var view = navigate(AccountView.class);
        test(view.currentPassword).setValue("not my password");
        test(view.newPassword).setValue("violet kettle marches uphill");
        test(view.savePassword).click();
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getValue()).isEqualTo("violet kettle marches uphill");
    }

    @Test
    void member_creates_an_api_token_and_sees_it_once() {
        var view = navigate(AccountView.class);
        assertThat(view.newToken.isVisible()).isFalse();
        test(view.tokenName).setValue("forecast bot");
        view.tokenScope.setValue(ApiScope.WRITE);
        test(view.createToken).click();

        assertThat(view.newToken.isVisible()).isTrue();
        assertThat(view.newToken.isReadOnly()).isTrue();
        assertThat(view.newToken.getValue()).startsWith("agora_");
        assertThat(view.newToken.getHelperText()).isEqualTo("Copy it now; it will not be shown again.");
        assertThat(apiTokens.list()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("forecast bot");
            assertThat(t.scope()).isEqualTo(ApiScope.WRITE);
        });
        assertThat(apiTokens.authenticate(view.newToken.getValue())).isPresent();

        assertThat(view.apiTokens.getElement().getTextRecursively()).contains("forecast bot")
                .doesNotContain(view.newToken.getValue());
    }

    @Test
    void member_revokes_an_api_token_from_the_list() {
        String secret = apiTokens.create("old script", ApiScope.READ).secret();
        navigate(AccountView.class);
        test($(Button.class).withText("Revoke").single()).click();

        assertThat(apiTokens.list()).isEmpty();
        assertThat(apiTokens.authenticate(secret)).isEmpty();
        assertThat($(Button.class).withText("Revoke").all()).isEmpty();
    }

    @Test
    void an_api_token_without_a_name_is_refused_on_its_field() {
        var view = navigate(AccountView.class);
        test(view.createToken).click();
        assertThat(view.tokenName.isInvalid()).isTrue();
        assertThat(view.newToken.isVisible()).isFalse();
        assertThat(apiTokens.list()).isEmpty();
    }

    @Autowired TwoFactorService twoFactor;

    @Test
    void member_sets_up_two_factor_with_a_code_and_sees_the_recovery_codes_once() {
        var view = navigate(AccountView.class);
        var form = view.twoFactor;
        assertThat(form.state.getText()).isEqualTo("Two-factor authentication is off.");
        assertThat(form.setupBox.isVisible()).isFalse();
        test(form.setUp).click();

        assertThat(form.setupBox.isVisible()).isTrue();
        assertThat(form.qrBox.getChildren().findFirst()).get().isInstanceOfSatisfying(Image.class, qr -> {
            assertThat(qr.getSrc()).startsWith("data:image/svg+xml;base64,");
            assertThat(qr.getAlt()).hasValueSatisfying(alt -> assertThat(alt).startsWith("QR code"));
        });
        String secret = form.secret.getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");

        test(form.setupCode).setValue("12345");
        test(form.turnOn).click();
        assertThat(form.setupCode.isInvalid()).isTrue();
        assertThat(twoFactor.status().enabled()).isFalse();

        test(form.setupCode).setValue(TestAccounts.totpCode(secret));
        test(form.turnOn).click();
        assertThat(twoFactor.status().enabled()).isTrue();
        assertThat(form.codesBox.isVisible()).isTrue();
        assertThat(form.recoveryCodes.getValue().lines().toList()).hasSize(10)
                .allSatisfy(c -> assertThat(c).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));

        test(form.codesSaved).click();
        assertThat(form.codesBox.isVisible()).isFalse();
        assertThat(form.recoveryCodes.getValue()).isEmpty();
        assertThat(form.state.getText()).startsWith("Two-factor authentication is on since").endsWith("Unused recovery codes: 10.");
        assertThat(form.onBox.isVisible()).isTrue();
        assertThat(form.setUp.isVisible()).isFalse();
    }

    @Test
    void member_turns_two_factor_off_with_password_and_code() {
        String secret = testAccounts.enableTwoFactor(member);
        testAccounts.signIn(member);
        var form = navigate(AccountView.class).twoFactor;
        assertThat(form.onBox.isVisible()).isTrue();

        test(form.offPassword).setValue("not my password");
        test(form.offCode).setValue(TestAccounts.totpCode(secret));
        test(form.turnOff).click();
        assertThat(form.offPassword.isInvalid()).isTrue();
        assertThat(twoFactor.status().enabled()).isTrue();

        test(form.offPassword).setValue(TestAccounts.PASSWORD);
        test(form.offCode).setValue(TestAccounts.totpCode(secret));
        test(form.turnOff).click();
        assertThat(twoFactor.status().enabled()).isFalse();
        assertThat(form.setUp.isVisible()).isTrue();
        assertThat(form.onBox.isVisible()).isFalse();
    }

    @Test
    void member_replaces_the_recovery_codes_with_a_code() {
        String secret = testAccounts.enableTwoFactor(member);
        testAccounts.signIn(member);
        var form = navigate(AccountView.class).twoFactor;
        test(form.newCodesCode).setValue(TestAccounts.totpCode(secret));
        test(form.newCodes).click();
        assertThat(form.codesBox.isVisible()).isTrue();
        assertThat(form.recoveryCodes.getValue().lines()).hasSize(10);
        assertThat(twoFactor.status().recoveryCodesLeft()).isEqualTo(10);
    }

    @Test
    void browser_names_are_readable() {
        assertThat(AccountView.browserName("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"))
                .isEqualTo("Chrome (Linux)");
        assertThat(AccountView.browserName("Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0"))
                .isEqualTo("Firefox (Windows)");
    }
}
