package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.agora.account.Account;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@IntegrationTest
class ForecastResolutionTest {
    @Autowired ForecastResolution resolution;
    @Autowired PollService polls;
    @Autowired PollAuthoring authoring;
    @Autowired TestPolls testPolls;
    @Autowired TestAccounts testAccounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void asModerator() {
        testAccounts.signIn(testAccounts.moderator());
    }

    private static Instant daysAgo(double days) {
        return Instant.now().minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    @Test
    void resolving_scores_each_forecaster_over_the_time_they_held_each_forecast() {
        var poll = testPolls.pastForecast(10, 1);
        Account steady = testAccounts.member();
        Account changer = testAccounts.member();
        testPolls.ballotAt(poll, steady.id().value(), 80, daysAgo(10));
        testPolls.ballotAt(poll, changer.id().value(), 20, daysAgo(10));
        testPolls.ballotAt(poll, changer.id().value(), 60, daysAgo(5.5)); // half the open time at each
        asModerator();
        resolution.resolve(poll.id(), ForecastResolution.Outcome.YES, "It happened, see the announcement.");

        var resolved = polls.find(poll.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(PollStatus.RESOLVED);
        assertThat(resolved.resolution()).isEqualTo("YES");
        assertThat(resolved.resolutionNote()).isEqualTo("It happened, see the announcement.");
        var steadyScore = resolution.scoresOf(steady.username()).getFirst();
        assertThat(steadyScore.brier()).isCloseTo(0.04, within(1e-3));
        assertThat(steadyScore.log()).isCloseTo(Math.log(0.8), within(1e-3));
        var changerScore = resolution.scoresOf(changer.username()).getFirst();
        assertThat(changerScore.brier()).isCloseTo(0.5 * 0.64 + 0.5 * 0.16, within(1e-3));
        assertThat(changerScore.log()).isCloseTo(0.5 * Math.log(0.2) + 0.5 * Math.log(0.6), within(1e-3));
        assertThat(changerScore.lastPercent()).isEqualTo(60);
    }

    @Test
    void a_moderator_without_two_factor_authentication_cannot_resolve() {
        var poll = testPolls.pastForecast(5, 1);
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR));
        assertThatThrownBy(() -> resolution.resolve(poll.id(), ForecastResolution.Outcome.NO, "No second factor"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(polls.find(poll.id()).orElseThrow().resolution()).isNull();
    }

    @Test
    void a_forecast_is_resolved_once_and_only_by_a_moderator() {
        var poll = testPolls.pastForecast(5, 1);
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> resolution.resolve(poll.id(), ForecastResolution.Outcome.NO, "I say so"))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signOut();
        assertThatThrownBy(() -> resolution.resolve(poll.id(), ForecastResolution.Outcome.NO, "I say so"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        asModerator();
        assertThatThrownBy(() -> resolution.resolve(poll.id(), ForecastResolution.Outcome.NO, "  "))
                .hasMessage("resolve.note");
        resolution.resolve(poll.id(), ForecastResolution.Outcome.NO, "Did not happen.");
        assertThatThrownBy(() -> resolution.resolve(poll.id(), ForecastResolution.Outcome.YES, "Changed my mind"))
                .hasMessage("resolve.already");
        assertThat(polls.find(poll.id()).orElseThrow().resolution()).isEqualTo("NO");
    }

    @Test
    void an_annulled_forecast_scores_no_one_and_other_kinds_are_not_resolved() {
        var poll = testPolls.pastForecast(5, 1);
        Account member = testAccounts.member();
        testPolls.ballotAt(poll, member.id().value(), 70, daysAgo(4));
        asModerator();
        resolution.resolve(poll.id(), ForecastResolution.Outcome.ANNULLED, "The question was ambiguous.");
        assertThat(resolution.scoresOf(member.username())).isEmpty();
        assertThat(resolution.scoresOfPoll(poll.id())).isEmpty();
        var single = testPolls.single("A", "B");
        assertThatThrownBy(() -> resolution.resolve(single.id(), ForecastResolution.Outcome.YES, "Huh"))
                .hasMessage("resolve.notForecast");
    }

    @Test
    void resolving_an_open_forecast_closes_it_to_new_forecasts() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        Instant closes = Instant.now().plus(Duration.ofDays(20));
        long id = authoring.create(PollDraft.forecast("Resolved early, say by an announcement?", "If announced.",
                closes, closes), true);
        polls.vote(id, Ballot.ofValue(90));
        asModerator();
        resolution.resolve(id, ForecastResolution.Outcome.YES, "Announced today.");
        testAccounts.signIn(member);
        assertThatThrownBy(() -> polls.vote(id, Ballot.ofValue(95))).hasMessage("poll.closed");
        assertThat(resolution.scoresOf(member.username())).singleElement()
                .satisfies(s -> assertThat(s.brier()).isCloseTo(0.01, within(1e-6)));
    }

    @Test
    void a_removed_forecast_counts_nowhere_any_more() {
        Account forecaster = testAccounts.member();
        var first = testPolls.pastForecast(6, 1);
        var second = testPolls.pastForecast(6, 1);
        for (var poll : List.of(first, second)) {
            testPolls.ballotAt(poll, forecaster.id().value(), 90, daysAgo(6));
        }
        asModerator();
        resolution.resolve(first.id(), ForecastResolution.Outcome.YES, "Yes.");
        resolution.resolve(second.id(), ForecastResolution.Outcome.NO, "No.");
        assertThat(resolution.scoresOf(forecaster.username())).hasSize(2);
        assertThat(resolution.leaderboard(500)).anySatisfy(r -> assertThat(r.username()).isEqualTo(forecaster.username()));
        long predictionsBefore = resolution.calibration().stream().mapToLong(Calibration.Bucket::count).sum();

        jdbc.sql("update poll set deleted_at = now(), deleted_reason = 'spam' where id = :id").param("id", second.id()).update();

        assertThat(resolution.scoresOf(forecaster.username())).extracting(ForecastScore::pollId).containsExactly(first.id());
        assertThat(resolution.scoresOfPoll(second.id())).isEmpty();
        assertThat(resolution.leaderboard(500)).as("one resolved question left: below the minimum of 2")
                .noneSatisfy(r -> assertThat(r.username()).isEqualTo(forecaster.username()));
        assertThat(resolution.calibration().stream().mapToLong(Calibration.Bucket::count).sum())
                .isEqualTo(predictionsBefore - 1);
    }

    @Test
    void the_leaderboard_lists_forecasters_with_enough_resolved_questions_best_first() {
        Account sharp = testAccounts.member();
        Account vague = testAccounts.member();
        Account once = testAccounts.member();
        var first = testPolls.pastForecast(6, 1);
        var second = testPolls.pastForecast(6, 1);
        for (var poll : List.of(first, second)) {
            testPolls.ballotAt(poll, sharp.id().value(), 95, daysAgo(6));
            testPolls.ballotAt(poll, vague.id().value(), 50, daysAgo(6));
        }
        testPolls.ballotAt(first, once.id().value(), 99, daysAgo(6));
        asModerator();
        resolution.resolve(first.id(), ForecastResolution.Outcome.YES, "Yes.");
        resolution.resolve(second.id(), ForecastResolution.Outcome.YES, "Yes.");
        var board = resolution.leaderboard(500);
        var names = board.stream().map(ForecasterRanking::username).toList();
        assertThat(names).contains(sharp.username(), vague.username()).doesNotContain(once.username());
        assertThat(names.indexOf(sharp.username())).isLessThan(names.indexOf(vague.username()));
        var sharpRow = board.get(names.indexOf(sharp.username()));
        assertThat(sharpRow.questions()).isEqualTo(2);
        assertThat(sharpRow.brier()).isCloseTo(0.0025, within(1e-4));
        assertThat(resolution.calibration()).hasSize(10)
                .anySatisfy(b -> assertThat(b.fromPercent()).isEqualTo(90));
    }
}
