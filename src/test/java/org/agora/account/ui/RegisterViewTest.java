package org.agora.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.agora.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RegisterViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;

    @Test
    void taken_username_is_shown_on_its_field_and_nothing_typed_is_lost() {
        var existing = testAccounts.member();
        var view = navigate(RegisterView.class);
        test(view.username).setValue(existing.username());
        test(view.email).setValue("someone-new@example.org");
        test(view.password).setValue("violet kettle marches uphill");
        test(view.submit).click();
        assertThat(view.username.isInvalid()).isTrue();
        assertThat(view.username.getErrorMessage()).contains("taken");
        assertThat(view.email.getValue()).isEqualTo("someone-new@example.org");
        assertThat(view.password.getValue()).isEqualTo("violet kettle marches uphill");
        assertThat(view.submit.isEnabled()).isTrue();
        assertThat(view.done.isVisible()).isFalse();
    }

    @Test
    void weak_password_is_refused_with_the_meter_saying_why() {
        var view = navigate(RegisterView.class);
        test(view.password).setValue("password1");
        assertThat(view.meter.label.getText()).startsWith("Too weak");
        test(view.username).setValue(TestAccounts.uniqueName("w"));
        test(view.email).setValue("weak@example.org");
        test(view.submit).click();
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("This password is too easy to guess.");
    }

    @Test
    void registering_asks_to_confirm_the_address_by_mail() {
        String name = TestAccounts.uniqueName("v");
        String email = name + "@example.org";
        var view = navigate(RegisterView.class);
        test(view.username).setValue(name);
        test(view.email).setValue(email);
        test(view.password).setValue("violet kettle marches uphill");
        assertThat(view.meter.label.getText()).isIn("Good", "Strong");
        test(view.submit).click();
        assertThat(view.done.isVisible()).isTrue();
        assertThat(view.done.getText()).contains(email);
        assertThat(Mailbox.awaitMail(email, 1)).contains("/verify-email?token=");
    }
}
