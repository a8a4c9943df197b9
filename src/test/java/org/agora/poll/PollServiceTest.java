package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agora.account.Account;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.agora.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PollServiceTest {
    @Autowired PollService polls;
    @Autowired TestPolls testPolls;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private long option(Poll poll, int position) {
        return poll.options().get(position - 1).id();
    }

    @Test
    void a_vote_counts_once_and_a_change_moves_it() {
        var poll = testPolls.single("A", "B", "C");
        testAccounts.signIn(testAccounts.member());
        polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 1))));
        polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 1)))); // the same again: nothing changes
        var results = polls.results(poll.id()).orElseThrow();
        assertThat(results.voters()).isEqualTo(1);
        assertThat(results.count(option(poll, 1))).isEqualTo(1);
        polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 2))));
        results = polls.results(poll.id()).orElseThrow();
        assertThat(results.count(option(poll, 1))).isZero();
        assertThat(results.count(option(poll, 2))).isEqualTo(1);
        assertThat(results.voters()).isEqualTo(1);
        assertThat(polls.reconcile(poll.id())).isTrue();
        assertThat(jdbc.sql("select count(*) from poll_ballot_history where poll_id = :p").param("p", poll.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void changes_of_every_kind_move_the_tallies_exactly_and_leave_a_history_row_each() {
        var multiple = testPolls.create(PollKind.MULTIPLE, "OPEN", "ALWAYS", 1, 3, List.of("A", "B", "C", "D"));
        var ranked = testPolls.create(PollKind.RANKED, "OPEN", "ALWAYS", 1, 3, List.of("A", "B", "C"));
        var scale = testPolls.create(PollKind.SCALE, "OPEN", "ALWAYS", 1, 1, List.of());
        var forecast = testPolls.create(PollKind.FORECAST, "OPEN", "ALWAYS", 1, 1, List.of());
        var ballots = java.util.Map.of(
                multiple, List.of(Ballot.ofOptions(List.of(option(multiple, 1), option(multiple, 2))),
                        Ballot.ofOptions(List.of(option(multiple, 2), option(multiple, 3), option(multiple, 4))),
                        Ballot.ofOptions(List.of(option(multiple, 1)))),
                ranked, List.of(Ballot.ofOptions(List.of(option(ranked, 1), option(ranked, 2))),
                        Ballot.ofOptions(List.of(option(ranked, 1), option(ranked, 3), option(ranked, 2))), // same first
                        Ballot.ofOptions(List.of(option(ranked, 3)))),
                scale, List.of(Ballot.ofValue(2), Ballot.ofValue(5), Ballot.ofValue(2)),
                forecast, List.of(Ballot.ofValue(10), Ballot.ofValue(90), Ballot.ofValue(55)));
        for (var member : testAccounts.members(3)) {
            testAccounts.signIn(member);
            ballots.forEach((poll, sequence) -> sequence.forEach(b -> polls.vote(poll.id(), b)));
            TestAccounts.signOut();
        }
        ballots.forEach((poll, sequence) -> {
            assertThat(polls.reconcile(poll.id())).as(poll.kind().name()).isTrue();
            var results = polls.results(poll.id()).orElseThrow();
            assertThat(results.voters()).as(poll.kind().name()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from poll_ballot_history where poll_id = :p").param("p", poll.id())
                    .query(Long.class).single()).as(poll.kind().name()).isEqualTo(9);
        });
        assertThat(polls.results(scale.id()).orElseThrow().count(2)).isEqualTo(3);
        assertThat(polls.results(scale.id()).orElseThrow().count(5)).isZero();
        assertThat(polls.results(ranked.id()).orElseThrow().count(option(ranked, 3))).as("first preferences").isEqualTo(3);
        assertThat(polls.results(multiple.id()).orElseThrow().count(option(multiple, 2))).isZero();
    }

    @Test
    void a_silenced_member_cannot_vote_or_change_a_vote_and_is_told_why() {
        var poll = testPolls.single("A", "B");
        var member = testAccounts.member();
        testAccounts.signIn(member);
        polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 1))));
        jdbc.sql("""
                insert into account_sanction (account_id, kind, reason, starts_at, ends_at, created_by)
                values (:a, 'SILENCE', 'cooling off', now() - interval '1 minute', now() + interval '1 day', :a)
                """).param("a", member.id().value()).update();
        var newcomer = testAccounts.member();
        assertThatThrownBy(() -> polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 2)))))
                .isInstanceOf(PollException.class).hasMessageContaining("sanction.silenced");
        assertThat(polls.myBallot(poll.id()).orElseThrow().options()).containsExactly(option(poll, 1));
        jdbc.sql("""
                insert into account_sanction (account_id, kind, reason, starts_at, ends_at, created_by)
                values (:a, 'SUSPEND', 'cooling off', now() - interval '1 minute', now() + interval '1 day', :a)
                """).param("a", newcomer.id().value()).update();
        testAccounts.signIn(newcomer);
        assertThatThrownBy(() -> polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 2)))))
                .isInstanceOf(PollException.class);
        assertThat(polls.results(poll.id()).orElseThrow().voters()).isEqualTo(1);
        assertThat(polls.reconcile(poll.id())).isTrue();
    }

    @Test
    void a_retracted_ballot_leaves_the_tally_and_the_history_keeps_it() {
        var poll = testPolls.single("A", "B");
        testAccounts.signIn(testAccounts.member());
        polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 2))));
        assertThat(polls.retract(poll.id())).isTrue();
        assertThat(polls.retract(poll.id())).isFalse();
        var results = polls.results(poll.id()).orElseThrow();
        assertThat(results.voters()).isZero();
        assertThat(results.counts()).isEmpty();
        assertThat(polls.myBallot(poll.id())).isEmpty();
        assertThat(polls.reconcile(poll.id())).isTrue();
    }

    @Test
    void reading_a_poll_with_its_answers_holds_one_connection_at_a_time() {
        var poll = testPolls.single("Yes", "No", "Not yet");
        jdbc.sql("update poll_option set hidden_at = now() where id = :o").param("o", option(poll, 2)).update();
        StatementCounter.reset();
        var read = polls.published(poll.id()).orElseThrow(); // outside any transaction, as the embed API reads it
        assertThat(StatementCounter.count()).as("read from the database, not a kept copy").isEqualTo(1);
        assertThat(StatementCounter.peakConnections())
                .as("a second connection taken while holding the first deadlocks the pool under concurrent readers")
                .isEqualTo(1);
        assertThat(read.options()).extracting(PollOption::label).containsExactly("Yes", PollOption.HIDDEN_LABEL, "Not yet");
        assertThat(read.options()).extracting(PollOption::hidden).containsExactly(false, true, false);
    }

    @Test
    void a_poll_closed_a_moment_ago_takes_no_ballot_even_where_a_copy_of_it_is_kept() {
        var poll = testPolls.single("A", "B");
        testAccounts.signIn(testAccounts.member());
        polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 1)))); // the poll is now kept for ballots
        jdbc.sql("update poll set status = 'CLOSED' where id = :id").param("id", poll.id()).update(); // e.g. another node
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 2)))))
                .isInstanceOf(PollException.class).hasMessage("poll.closed");
        assertThat(jdbc.sql("select count(*) from poll_ballot where poll_id = :p").param("p", poll.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(polls.reconcile(poll.id())).isTrue();
    }

    @Test
    void closed_and_draft_polls_reject_votes() {
        var closed = testPolls.create(PollKind.SINGLE, "CLOSED", "ALWAYS", 1, 1, List.of("A", "B"));
        var draft = testPolls.create(PollKind.SINGLE, "DRAFT", "ALWAYS", 1, 1, List.of("A", "B"));
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> polls.vote(closed.id(), Ballot.ofOptions(List.of(option(closed, 1)))))
                .isInstanceOf(PollException.class).hasMessage("poll.closed");
        assertThatThrownBy(() -> polls.vote(draft.id(), Ballot.ofOptions(List.of(option(draft, 1)))))
                .as("someone else's draft is not even said to exist").isInstanceOf(PollException.class)
                .hasMessage("poll.notFound");
        assertThat(polls.find(draft.id())).as("drafts are hidden from members").isEmpty();
    }

    @Test
    void bad_ballots_get_a_clear_refusal_and_count_nothing() {
        var single = testPolls.single("A", "B");
        var other = testPolls.single("X", "Y");
        var multiple = testPolls.create(PollKind.MULTIPLE, "OPEN", "ALWAYS", 1, 2, List.of("A", "B", "C"));
        var ranked = testPolls.create(PollKind.RANKED, "OPEN", "ALWAYS", 1, 3, List.of("A", "B", "C"));
        var scale = testPolls.create(PollKind.SCALE, "OPEN", "ALWAYS", 1, 1, List.of());
        var forecast = testPolls.create(PollKind.FORECAST, "OPEN", "ALWAYS", 1, 1, List.of());
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> polls.vote(single.id(), Ballot.ofOptions(List.of(option(other, 1)))))
                .hasMessage("ballot.unknownOption");
        assertThatThrownBy(() -> polls.vote(single.id(), Ballot.ofOptions(List.of(option(single, 1), option(single, 2)))))
                .hasMessage("ballot.chooseOne");
        assertThatThrownBy(() -> polls.vote(multiple.id(), Ballot.ofOptions(List.of(option(multiple, 1), option(multiple, 2),
                option(multiple, 3))))).hasMessage("ballot.chooseBetween");
        assertThatThrownBy(() -> polls.vote(ranked.id(), Ballot.ofOptions(List.of(option(ranked, 1), option(ranked, 1)))))
                .hasMessage("ballot.duplicateOption");
        assertThatThrownBy(() -> polls.vote(scale.id(), Ballot.ofValue(8))).hasMessage("ballot.scaleRange");
        assertThatThrownBy(() -> polls.vote(forecast.id(), Ballot.ofValue(0))).hasMessage("ballot.probabilityRange");
        assertThatThrownBy(() -> polls.vote(forecast.id(), Ballot.ofValue(100))).hasMessage("ballot.probabilityRange");
        assertThatThrownBy(() -> polls.vote(forecast.id(), new Ballot(null, null))).hasMessage("ballot.probabilityRange");
        for (var p : List.of(single, multiple, ranked, scale, forecast)) {
            assertThat(polls.results(p.id()).orElseThrow().voters()).isZero();
        }
    }

    @Test
    void scale_and_forecast_results_have_a_median_and_mean() {
        var forecast = testPolls.create(PollKind.FORECAST, "OPEN", "ALWAYS", 1, 1, List.of());
        for (int p : new int[] {10, 40, 70}) {
            testAccounts.signIn(testAccounts.member());
            polls.vote(forecast.id(), Ballot.ofValue(p));
        }
        var results = polls.results(forecast.id()).orElseThrow();
        assertThat(results.median()).isEqualTo(40);
        assertThat(results.mean()).isEqualTo(40.0);
        assertThat(polls.reconcile(forecast.id())).isTrue();
    }

    @Test
    void results_after_voting_stay_hidden_until_the_member_votes() {
        var poll = testPolls.create(PollKind.SINGLE, "OPEN", "AFTER_VOTING", 1, 1, List.of("A", "B"));
        testAccounts.signIn(testAccounts.member());
        assertThat(polls.results(poll.id())).isEmpty();
        polls.vote(poll.id(), Ballot.ofOptions(List.of(option(poll, 1))));
        assertThat(polls.results(poll.id())).isPresent();
        var hidden = testPolls.create(PollKind.SINGLE, "OPEN", "MODERATORS", 1, 1, List.of("A", "B"));
        assertThat(polls.results(hidden.id())).isEmpty();
    }

    @Test
    void tallies_stay_exact_under_64_threads_of_votes_changes_and_retractions() throws Exception {
        var poll = testPolls.create(PollKind.MULTIPLE, "OPEN", "ALWAYS", 1, 2, List.of("A", "B", "C", "D"));
        List<Account> voters = testAccounts.members(500);
        var pool = Executors.newFixedThreadPool(64);
        var failures = new AtomicInteger();
        var problems = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var attempts = 20_000;
        var random = new Random(7);
        for (int i = 0; i < attempts; i++) {
            var voter = voters.get(random.nextInt(voters.size()));
            int action = random.nextInt(10);
            long first = option(poll, 1 + random.nextInt(4));
            long second = option(poll, 1 + random.nextInt(4));
            pool.submit(() -> {
                testAccounts.signIn(voter);
                try {
                    if (action == 0) {
                        polls.retract(poll.id());
                    } else {
                        polls.vote(poll.id(), Ballot.ofOptions(first == second ? List.of(first) : List.of(first, second)));
                    }
                } catch (PollException e) {
                    if (!e.messageKey().equals("ballot.tooFast") && !e.messageKey().equals("poll.tryAgain")) {
                        failures.incrementAndGet();
                        problems.add(e.messageKey());
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    problems.add(e.toString());
                } finally {
                    TestAccounts.signOut();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("all attempts done in time").isTrue();
        assertThat(failures.get()).as(() -> "failed attempts, e.g. " + problems.stream().distinct().limit(5).toList()).isZero();
        assertThat(polls.reconcile(poll.id())).isTrue();
        long ballots = jdbc.sql("select count(*) from poll_ballot where poll_id = :p").param("p", poll.id())
                .query(Long.class).single();
        assertThat(polls.results(poll.id()).orElseThrow().voters()).isEqualTo(ballots).isPositive();
    }
}
