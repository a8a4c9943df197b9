package org.agora.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.agora.account.Account;
import org.agora.account.AccountService;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AccountViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired AccountService accounts;
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
    void browser_names_are_readable() {
        assertThat(AccountView.browserName("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"))
                .isEqualTo("Chrome (Linux)");
        assertThat(AccountView.browserName("Mozilla/5.0 (Windows NT 10.0; rv:140.0) Gecko/20100101 Firefox/140.0"))
                .isEqualTo("Firefox (Windows)");
    }
}
