package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@IntegrationTest
class PollAuthoringTest {
    @Autowired PollAuthoring authoring;
    @Autowired PollService polls;
    @Autowired TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private static List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (PollException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.key()).toList();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void a_member_publishes_a_poll_that_takes_votes_at_once() {
        testAccounts.signIn(testAccounts.member());
        long id = authoring.create(PollDraft.single("  Which lab ships AGI first?  ", List.of("OpenAI", " xAI ", "DeepMind")), true);
        var poll = polls.find(id).orElseThrow();
        assertThat(poll.status()).isEqualTo(PollStatus.OPEN);
        assertThat(poll.question()).isEqualTo("Which lab ships AGI first?");
        assertThat(poll.options()).extracting(PollOption::label).containsExactly("OpenAI", "xAI", "DeepMind");
        assertThat(poll.openedAt()).isNotNull();
        polls.vote(id, Ballot.ofOptions(List.of(poll.options().get(1).id())));
        assertThat(polls.results(id).orElseThrow().voters()).isEqualTo(1);
    }

    @Test
    void every_problem_of_a_draft_is_reported_at_once_with_its_field() {
        testAccounts.signIn(testAccounts.member());
        var draft = new PollDraft(PollKind.MULTIPLE, "Hi", "", List.of("Same", "same", "x".repeat(121)), false,
                3, 2, null, null, 1, null, null, ResultsVisibility.ALWAYS, false, Instant.now().minusSeconds(60), "", null);
        assertThat(problems(() -> authoring.create(draft, true))).containsExactlyInAnyOrder(
                "question:draft.question", "option.1:draft.optionDuplicate", "option.2:draft.optionLength",
                "choices:draft.choices", "closesAt:draft.closesAt");
    }

    @Test
    void a_poll_needs_two_to_twenty_answers_and_blank_rows_do_not_count() {
        testAccounts.signIn(testAccounts.member());
        assertThat(problems(() -> authoring.create(PollDraft.single("Only one answer?", List.of("Yes", " ", "")), true)))
                .containsExactly("options:draft.optionCount");
        var many = new ArrayList<String>();
        for (int i = 1; i <= 21; i++) {
            many.add("Answer " + i);
        }
        assertThat(problems(() -> authoring.create(PollDraft.single("Too many answers?", many), true)))
                .containsExactly("options:draft.optionCount");
        assertThat(authoring.create(PollDraft.single("Twenty answers?", many.subList(0, 20)), true)).isPositive();
    }

    @Test
    void a_forecast_needs_criteria_and_a_closing_date_before_its_resolution() {
        testAccounts.signIn(testAccounts.member());
        Instant later = Instant.now().plus(Duration.ofDays(30));
        assertThat(problems(() -> authoring.create(PollDraft.forecast("Will it rain AI?", " ", null, null), true)))
                .containsExactlyInAnyOrder("resolutionCriteria:draft.criteria", "closesAt:draft.forecastCloses");
        assertThat(problems(() -> authoring.create(PollDraft.forecast("Will it rain AI?", "Officially.", later,
                later.minusSeconds(3600)), true))).containsExactly("resolvesAt:draft.resolvesBeforeClose");
        long id = authoring.create(PollDraft.forecast("Will it rain AI?", "Officially.", later, later.plusSeconds(86400)), true);
        assertThat(polls.find(id).orElseThrow().resolvesAt()).isAfter(later);
    }

    @Test
    void a_numeric_scale_takes_only_values_on_its_steps() {
        testAccounts.signIn(testAccounts.member());
        var draft = new PollDraft(PollKind.SCALE, "How many GPUs, in thousands?", "", List.of(), false, 1, 1, 0, 100, 10,
                null, null, ResultsVisibility.ALWAYS, false, null, "", null);
        long id = authoring.create(draft, true);
        polls.vote(id, Ballot.ofValue(30));
        assertThatThrownBy(() -> polls.vote(id, Ballot.ofValue(35))).isInstanceOf(PollException.class)
                .hasMessage("ballot.scaleRange");
        var uneven = new PollDraft(PollKind.SCALE, "An uneven scale?", "", List.of(), false, 1, 1, 0, 100, 7,
                null, null, ResultsVisibility.ALWAYS, false, null, "", null);
        assertThat(problems(() -> authoring.create(uneven, true))).containsExactly("scale:draft.scale");
    }

    @Test
    void a_draft_is_seen_and_edited_only_by_its_author_then_published() {
        var author = testAccounts.member();
        var other = testAccounts.member();
        testAccounts.signIn(author);
        long id = authoring.create(PollDraft.single("Draft question here?", List.of("A", "B")), false);
        var draft = polls.find(id).orElseThrow();
        assertThat(draft.status()).isEqualTo(PollStatus.DRAFT);
        assertThat(authoring.myDrafts()).extracting(Poll::id).contains(id);
        assertThatThrownBy(() -> polls.vote(id, Ballot.ofOptions(List.of(draft.options().getFirst().id()))))
                .hasMessage("poll.draft");

        testAccounts.signIn(other);
        assertThat(polls.find(id)).isEmpty();
        assertThatThrownBy(() -> authoring.updateDraft(id, draft.version(), PollDraft.single("Hijacked?", List.of("X", "Y"))))
                .hasMessage("poll.notFound");
        assertThatThrownBy(() -> authoring.publish(id)).hasMessage("poll.notFound");
        assertThatThrownBy(() -> authoring.deleteDraft(id)).hasMessage("poll.notFound");
        TestAccounts.signOut();
        assertThat(polls.find(id)).isEmpty();

        testAccounts.signIn(author);
        authoring.updateDraft(id, draft.version(), PollDraft.single("Draft question, edited?", List.of("A", "B", "C")));
        assertThatThrownBy(() -> authoring.updateDraft(id, draft.version(), PollDraft.single("Stale window?", List.of("A", "B"))))
                .hasMessage("draft.changedMeanwhile");
        authoring.publish(id);
        var published = polls.find(id).orElseThrow();
        assertThat(published.question()).isEqualTo("Draft question, edited?");
        assertThat(published.options()).hasSize(3);
        assertThatThrownBy(() -> authoring.updateDraft(id, published.version(), PollDraft.single("Too late?", List.of("A", "B"))))
                .hasMessage("draft.published");
    }

    @Test
    void the_author_or_a_moderator_closes_and_reopens_but_nobody_else() {
        var author = testAccounts.member();
        testAccounts.signIn(author);
        long id = authoring.create(PollDraft.single("Close me by hand?", List.of("A", "B")), true);
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> authoring.close(id)).hasMessage("poll.notYours");
        testAccounts.signIn(author);
        authoring.close(id);
        var closed = polls.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(PollStatus.CLOSED);
        assertThatThrownBy(() -> polls.vote(id, Ballot.ofOptions(List.of(closed.options().getFirst().id()))))
                .hasMessage("poll.closed");
        assertThatThrownBy(() -> authoring.reopen(id, Instant.now().minusSeconds(5))).isInstanceOf(PollException.class);
        var noSecondFactor = testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR);
        testAccounts.signIn(noSecondFactor);
        assertThatThrownBy(() -> authoring.reopen(id, null)).isInstanceOf(org.agora.account.TwoFactorRequired.class);
        testAccounts.signIn(testAccounts.moderator());
        authoring.reopen(id, null);
        assertThat(polls.find(id).orElseThrow().acceptsBallotsAt(Instant.now())).isTrue();
    }

    @Test
    void readers_cannot_create_polls() {
        assertThatThrownBy(() -> authoring.create(PollDraft.single("Anonymous poll?", List.of("A", "B")), true))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void an_other_answer_needs_words_and_goes_with_a_retraction() {
        testAccounts.signIn(testAccounts.member());
        long id = authoring.create(PollDraft.single("What gives life meaning?", List.of("Work", "People")).withOther(true), true);
        var poll = polls.find(id).orElseThrow();
        long other = poll.otherOption().orElseThrow().id();
        assertThat(poll.options()).hasSize(3);
        assertThatThrownBy(() -> polls.vote(id, Ballot.ofOptions(List.of(other)), "  ")).hasMessage("ballot.otherText");
        assertThatThrownBy(() -> polls.vote(id, Ballot.ofOptions(List.of(other)), "x".repeat(201))).hasMessage("ballot.otherText");
        assertThat(polls.results(id).orElseThrow().voters()).isZero();
        polls.vote(id, Ballot.ofOptions(List.of(other)), "Gardening\u200B <b>and</b> music");
        assertThat(polls.myOtherAnswer(id)).contains("Gardening <b>and</b> music");
        assertThat(polls.otherAnswers(id, 10)).extracting(OtherAnswer::text).containsExactly("Gardening <b>and</b> music");
        assertThat(polls.otherAnswers(id, 10)).extracting(OtherAnswer::username).containsOnlyNulls();
        polls.vote(id, Ballot.ofOptions(List.of(poll.options().getFirst().id())));
        assertThat(polls.myOtherAnswer(id)).isEmpty();
        polls.vote(id, Ballot.ofOptions(List.of(other)), "Music");
        polls.retract(id);
        assertThat(polls.otherAnswers(id, 10)).isEmpty();
        assertThat(polls.reconcile(id)).isTrue();
    }

    @Test
    void a_moderator_hides_an_other_answer_from_everyone_but_staff() {
        var voter = testAccounts.member();
        testAccounts.signIn(voter);
        long id = authoring.create(PollDraft.single("Anything else?", List.of("No", "Maybe")).withOther(true), true);
        long other = polls.find(id).orElseThrow().otherOption().orElseThrow().id();
        polls.vote(id, Ballot.ofOptions(List.of(other)), "Buy my pills");
        assertThatThrownBy(() -> polls.hideOtherAnswer(id, voter.id().value(), true))
                .isInstanceOf(AuthorizationDeniedException.class);
        testAccounts.signIn(testAccounts.moderator());
        polls.hideOtherAnswer(id, voter.id().value(), true);
        assertThat(polls.otherAnswers(id, 10)).singleElement().extracting(OtherAnswer::hidden).isEqualTo(true);
        testAccounts.signIn(testAccounts.member());
        assertThat(polls.otherAnswers(id, 10)).isEmpty();
    }

    @Test
    void public_voters_are_listed_and_secret_ones_never() {
        var voter = testAccounts.member();
        testAccounts.signIn(voter);
        var open = PollDraft.single("Who is for it, openly?", List.of("For", "Against"))
                .withRules(ResultsVisibility.ALWAYS, true, null);
        long publicId = authoring.create(open, true);
        long secretId = authoring.create(PollDraft.single("Who is for it, secretly?", List.of("For", "Against")), true);
        polls.vote(publicId, Ballot.ofOptions(List.of(polls.find(publicId).orElseThrow().options().getFirst().id())));
        polls.vote(secretId, Ballot.ofOptions(List.of(polls.find(secretId).orElseThrow().options().getFirst().id())));
        TestAccounts.signOut();
        assertThat(polls.publicBallots(publicId)).extracting(PublicBallot::username).containsExactly(voter.username());
        assertThat(polls.publicBallots(secretId)).isEmpty();
    }

    @Test
    void the_options_keep_the_order_the_author_gave() {
        testAccounts.signIn(testAccounts.member());
        var labels = new ArrayList<>(List.of("Zeta", "Alpha", "Mu", "Beta"));
        Collections.shuffle(labels);
        long id = authoring.create(PollDraft.single("In my order?", labels), true);
        assertThat(polls.find(id).orElseThrow().options()).extracting(PollOption::label).containsExactlyElementsOf(labels);
    }
}
