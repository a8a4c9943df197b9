package org.agora.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import org.agora.account.AccountSanctions;
import org.agora.account.SanctionKind;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A sanctioned member sees on their account page why and until when, and appeals once. */
@IntegrationTest
class StandingSectionTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired AccountSanctions sanctions;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_silenced_member_sees_why_and_until_when_and_appeals() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        sanctions.impose(member.id(), SanctionKind.SILENCE, "Personal attacks.", null);
        testAccounts.signIn(member);
        var view = navigate(AccountView.class);
        assertThat(view.standing.isVisible()).isTrue();
        String text = view.standing.getElement().getTextRecursively();
        assertThat(text).contains("Silenced").contains("Personal attacks.").contains("until");
        test($(TextArea.class).withCaption("Appeal").single()).setValue("I apologised in the thread.");
        test($(Button.class).withText("Send appeal").single()).click();
        assertThat(view.standing.getElement().getTextRecursively()).contains("Your appeal")
                .contains("I apologised in the thread.");
        assertThat($(Button.class).withText("Send appeal").all()).isEmpty();
    }

    @Test
    void a_member_in_good_standing_sees_no_section() {
        testAccounts.signIn(testAccounts.member());
        var view = navigate(AccountView.class);
        assertThat(view.standing.isVisible()).isFalse();
    }
}
