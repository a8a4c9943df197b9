package org.agora.poll;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates polls for tests straight in the database (poll creation by members comes with its own form). */
@Component
public class TestPolls {
    private final JdbcClient jdbc;
    private final PollRepository polls;
    private final BallotRepository ballots;

    TestPolls(JdbcClient jdbc, PollRepository polls, BallotRepository ballots) {
        this.jdbc = jdbc;
        this.polls = polls;
        this.ballots = ballots;
    }

    public Poll create(PollKind kind, String status, String visibility, int minChoices, int maxChoices, List<String> options) {
        long id = jdbc.sql("""
                        insert into poll (kind, question, status, min_choices, max_choices, scale_min, scale_max,
                                          results_visibility)
                        values (:kind, :question, :status, :min, :max, :smin, :smax, :visibility) returning id
                        """)
                .param("kind", kind.name()).param("question", "Test poll " + System.nanoTime() + "?")
                .param("status", status).param("min", minChoices).param("max", maxChoices)
                .param("smin", kind == PollKind.SCALE ? 1 : null).param("smax", kind == PollKind.SCALE ? 7 : null)
                .param("visibility", visibility)
                .query(Long.class).single();
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("insert into poll_option (poll_id, label, position) values (:p, :l, :i)")
                    .param("p", id).param("l", options.get(i)).param("i", i + 1).update();
        }
        return polls.find(id).orElseThrow();
    }

    /** A forecast that opened {@code openedDaysAgo} days ago and closed (by its date) {@code closedDaysAgo} ago. */
    Poll pastForecast(int openedDaysAgo, int closedDaysAgo) {
        var poll = create(PollKind.FORECAST, "OPEN", "ALWAYS", 1, 1, List.of());
        var now = java.time.Instant.now();
        jdbc.sql("update poll set opened_at = :opened, closes_at = :closes where id = :id")
                .param("opened", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(openedDaysAgo))))
                .param("closes", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(closedDaysAgo))))
                .param("id", poll.id()).update();
        return polls.find(poll.id()).orElseThrow();
    }

    /** Records a ballot change at a past time, as the service would have then (tallies and history). */
    void ballotAt(Poll poll, long voter, Integer percent, java.time.Instant at) {
        var before = ballots.find(poll.id(), voter).orElse(null);
        Ballot after = percent == null ? null : Ballot.ofValue(percent);
        if (before == null && after != null) {
            ballots.insert(poll.id(), voter, after, at);
        } else if (after == null) {
            ballots.delete(poll.id(), voter);
        } else {
            ballots.update(poll.id(), voter, after, at);
        }
        PollService.applyChange(ballots, poll, voter, before, after);
        ballots.history(poll.id(), voter, before, after, at);
    }

    /** Turns embedding on for a poll straight in the database (as its author would in the Embed dialog). */
    public void embed(long pollId, boolean anyOrigin, List<String> origins, boolean anonymous, boolean resultsAfterVoting) {
        new ReaderBallotRepository(jdbc).save(new EmbedSettings(pollId, true, anyOrigin, origins, anonymous,
                resultsAfterVoting), null, java.time.Instant.now());
        embedding.forget(pollId);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private PollEmbedding embedding;

    public Poll single(String... options) {
        return create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, List.of(options));
    }
}
