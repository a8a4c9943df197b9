package org.agora.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agora.account.AccountService;
import org.agora.shared.db.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo accounts' ballots on the seeded polls (embedded database only), so results are not empty; the two
 * closed forecasts hold forecasts made before they closed, ready to be resolved and scored.
 */
@Component
@Order(40)
class DemoBallots implements ApplicationRunner {
    private static final Map<String, List<Object>> VOTES = Map.of(
            // per member: poll 1 option position, poll 2 scale, poll 3 position, poll 4 %, poll 5 %, poll 6 scale,
            // poll 7 ranking (positions), poll 8 %
            "alice", List.of(2, 2, 2, 15, 10, 2, List.of(3, 2, 1, 4, 5, 6), 30),
            "bob", List.of(3, 4, 1, 55, 35, 5, List.of(4, 1, 2, 3, 5, 6), 65),
            "moderator", List.of(3, 4, 3, 25, 20, 3, List.of(1, 3, 2, 4, 5, 6), 45),
            "admin", List.of(4, 5, 2, 20, 5, 3, List.of(3, 1, 2, 5, 4, 6), 40));

    private final PollRepository polls;
    private final BallotRepository ballots;
    private final AccountService accounts;
    private final DatabaseMode database;
    private final Clock clock;
    private final boolean enabled;

    DemoBallots(PollRepository polls, BallotRepository ballots, AccountService accounts, DatabaseMode database,
                Clock clock, @Value("${agora.demo-data:true}") boolean enabled) {
        this.polls = polls;
        this.ballots = ballots;
        this.accounts = accounts;
        this.database = database;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || !database.isEmbedded()) {
            return;
        }
        VOTES.forEach((username, votes) -> accounts.findByUsername(username).ifPresent(account -> {
            long voter = account.id().value();
            for (int i = 0; i < votes.size(); i++) {
                var poll = polls.find(i + 1L).orElse(null);
                if (poll == null || ballots.find(poll.id(), voter).isPresent()) {
                    continue;
                }
                Ballot ballot = ballot(poll, votes.get(i));
                Instant at = poll.closesAt() != null && poll.closesAt().isBefore(clock.instant())
                        ? poll.closesAt().minusSeconds(86_400L * (30 + i)) : clock.instant();
                if (ballots.insert(poll.id(), voter, ballot, at)) {
                    PollService.applyChange(ballots, poll, voter, null, ballot);
                    ballots.history(poll.id(), voter, null, ballot, at);
                }
            }
        }));
    }

    @SuppressWarnings("unchecked")
    private static Ballot ballot(Poll poll, Object vote) {
        return switch (poll.kind()) {
            case SINGLE, MULTIPLE -> Ballot.ofOptions(List.of(poll.options().get((Integer) vote - 1).id()));
            case RANKED -> Ballot.ofOptions(((List<Integer>) vote).stream().map(p -> poll.options().get(p - 1).id()).toList());
            case SCALE, FORECAST -> Ballot.ofValue((Integer) vote);
        };
    }
}
