package org.agora.debate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.agora.account.TestAccounts;
import org.agora.poll.Ballot;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollDraft;
import org.agora.poll.PollInsights;
import org.agora.poll.PollService;
import org.agora.poll.VoterSides;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A thread's poll split by the side each voter took in its debate (the debate tells the poll by id only). */
@IntegrationTest
class StanceSplitTest {
    @Autowired DebateService debates;
    @Autowired PollAuthoring authoring;
    @Autowired PollService polls;
    @Autowired PollInsights insights;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void voters_are_grouped_by_their_latest_stance_and_small_groups_are_withheld() {
        var starter = testAccounts.member();
        testAccounts.signIn(starter);
        var topic = debates.startTopic("Will AI take the jobs of translators first?", 1, List.of(), Stance.NEUTRAL,
                "Let us argue it out.", UUID.randomUUID());
        long pollId = authoring.create(PollDraft.single("Translators first?", List.of("Yes", "No")), true);
        jdbc.sql("update poll set topic_id = :t where id = :p").param("t", topic.id()).param("p", pollId).update();
        var options = polls.find(pollId).orElseThrow().options();

        var pro = testAccounts.members(5);
        for (var member : pro) {
            testAccounts.signIn(member);
            debates.post(topic.id(), null, Stance.CON, null, "At first I disagreed.", UUID.randomUUID());
            debates.post(topic.id(), null, Stance.PRO, null, "Now I agree: translation is first.", UUID.randomUUID());
            polls.vote(pollId, Ballot.ofOptions(List.of(options.get(0).id())));
        }
        var con = testAccounts.members(2);
        for (var member : con) {
            testAccounts.signIn(member);
            debates.post(topic.id(), null, Stance.CON, null, "No: interpreters stay.", UUID.randomUUID());
            polls.vote(pollId, Ballot.ofOptions(List.of(options.get(1).id())));
        }
        testAccounts.signIn(testAccounts.member());
        polls.vote(pollId, Ballot.ofOptions(List.of(options.get(1).id())));   // never posted

        var split = insights.stanceSplit(pollId).orElseThrow();
        var bySide = split.groups().stream().collect(java.util.stream.Collectors.toMap(g -> g.side(), g -> g));
        var proGroup = bySide.get(VoterSides.Side.PRO);
        assertThat(proGroup.voters()).isEqualTo(5);
        assertThat(proGroup.shown()).isTrue();
        assertThat(proGroup.count("o" + options.get(0).id())).isEqualTo(5);
        assertThat(bySide.get(VoterSides.Side.CON).voters()).isEqualTo(2);
        assertThat(bySide.get(VoterSides.Side.CON).shown()).as("2 voters: withheld on a secret poll").isFalse();
        assertThat(bySide.get(VoterSides.Side.CON).counts()).isEmpty();
        assertThat(bySide.get(VoterSides.Side.NONE).voters()).isEqualTo(1);
    }
}
