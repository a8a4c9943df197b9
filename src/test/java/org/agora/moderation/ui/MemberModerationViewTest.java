package org.agora.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MemberModerationViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_moderator_finds_a_member_and_silences_them_with_a_reason_and_the_default_duration() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        UI.getCurrent().navigate(MemberModerationView.class);
        var view = (MemberModerationView) getCurrentView();
        test(view.query).setValue(member.username());
        test(view.search).click();
        assertThat(view.results.getElement().getTextRecursively()).contains(member.username());

        UI.getCurrent().navigate("moderation/users", QueryParameters.of("u", member.username()));
        view = (MemberModerationView) getCurrentView();
        assertThat(view.file.getElement().getTextRecursively()).contains("@" + member.username());
        assertThat(view.ban.isAttached()).isFalse();
        assertThat(view.role.isAttached()).isFalse();
        test(view.silence).click();
        var dialog = $(ReasonDialog.class).first();
        assertThat(dialog.days.getValue()).isEqualTo(1);
        test(dialog.reason).setValue("Flooding the thread.");
        test(dialog.confirm).click();
        assertThat(view.file.getElement().getTextRecursively()).contains("Flooding the thread.");
        assertThat(jdbc.sql("select kind from account_sanction where account_id = :a")
                .param("a", member.id().value()).query(String.class).list()).containsExactly("SILENCE");
    }

    @Test
    void a_moderator_cannot_act_on_an_admin_but_an_admin_sees_ban_and_roles() {
        var admin = testAccounts.staff(Role.ADMIN);
        testAccounts.signIn(testAccounts.moderator());
        UI.getCurrent().navigate("moderation/users", QueryParameters.of("u", admin.username()));
        var view = (MemberModerationView) getCurrentView();
        assertThat(view.silence.isAttached()).isFalse();
        assertThat(view.file.getElement().getTextRecursively()).contains("below yours");

        var member = testAccounts.member();
        testAccounts.signIn(admin);
        UI.getCurrent().navigate("moderation/users", QueryParameters.of("u", member.username()));
        view = (MemberModerationView) getCurrentView();
        assertThat(view.ban.isAttached()).isTrue();
        assertThat(view.role.isAttached()).isTrue();
    }
}
