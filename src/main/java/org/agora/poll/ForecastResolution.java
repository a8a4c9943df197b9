package org.agora.poll;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.account.CurrentUser;
import org.agora.account.StaffWithTwoFactor;
import org.agora.shared.text.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolving forecasts (moderators only) and what follows: every forecaster's time-averaged Brier and log score
 * (see {@link ForecastScoring}), the leaderboard and the community's calibration.
 */
@Service
public class ForecastResolution {
    public static final int MAX_NOTE_CHARS = 2000;

    private final PollRepository polls;
    private final BallotRepository ballots;
    private final ScoreRepository scores;
    private final PollService pollService;
    private final Clock clock;
    private final int minResolved;

    ForecastResolution(PollRepository polls, BallotRepository ballots, ScoreRepository scores, PollService pollService,
                       Clock clock,
                       @Value("${agora.leaderboard.min-resolved:2}") int minResolved) {
        this.polls = polls;
        this.ballots = ballots;
        this.scores = scores;
        this.pollService = pollService;
        this.clock = clock;
        this.minResolved = Math.max(1, minResolved);
    }

    /**
     * Records a forecast's outcome with a note, closing it if it was still open, and scores every forecaster
     * (not for ANNULLED). A forecast is resolved once; a second attempt is refused.
     */
    @StaffWithTwoFactor
    @Transactional
    public void resolve(long pollId, Outcome outcome, String note) {
        Poll poll = polls.find(pollId).filter(p -> !p.isDraft()).orElseThrow(() -> new PollException("poll.notFound"));
        if (poll.kind() != PollKind.FORECAST) {
            throw new PollException("resolve.notForecast");
        }
        if (poll.status() == PollStatus.RESOLVED) {
            throw new PollException("resolve.already", poll.resolution());
        }
        if (outcome == null) {
            throw new PollException(List.of(new PollException.Problem("outcome", "resolve.outcome")));
        }
        String clean = TextInput.clean(note, true);
        if (TextInput.isBlank(clean) || TextInput.length(clean) > MAX_NOTE_CHARS) {
            throw new PollException(List.of(new PollException.Problem("note", "resolve.note", MAX_NOTE_CHARS)));
        }
        Instant now = clock.instant();
        Instant ended = poll.endedAt(now).orElse(now);
        if (!polls.resolve(pollId, outcome.name(), clean, CurrentUser.require().id().value(), ended, now)) {
            throw new PollException("resolve.already", "");
        }
        if (outcome != Outcome.ANNULLED) {
            Instant opened = poll.openedAt() != null ? poll.openedAt() : poll.createdAt();
            score(pollId, opened, ended, outcome == Outcome.YES);
        }
        pollService.pollChanged(pollId);
    }

    private void score(long pollId, Instant opened, Instant ended, boolean yes) {
        Map<Long, List<ForecastScoring.Forecast>> timelines = new LinkedHashMap<>();
        for (BallotChange change : ballots.changes(pollId)) {
            timelines.computeIfAbsent(change.voterId(), k -> new ArrayList<>()).add(new ForecastScoring.Forecast(
                    change.at(), change.after() == null ? null : change.after().value()));
        }
        timelines.forEach((voter, timeline) -> ForecastScoring.score(timeline, opened, ended, yes).ifPresent(s -> {
            Integer last = timeline.stream().filter(f -> !f.at().isAfter(ended) && f.percent() != null)
                    .reduce((a, b) -> b).map(ForecastScoring.Forecast::percent).orElse(null);
            if (last != null) {
                scores.insert(pollId, voter, s, last, yes);
            }
        }));
    }

    /** Forecasters with at least the minimum number of scored questions, best (lowest) mean Brier score first. */
    @Transactional(readOnly = true)
    public List<ForecasterRanking> leaderboard(int limit) {
        return scores.leaderboard(minResolved, Math.max(1, Math.min(limit, 500)));
    }

    public int minimumResolved() {
        return minResolved;
    }

    /** Predicted against observed frequency, per 10 % bucket, over every scored forecast. */
    @Transactional(readOnly = true)
    public List<Calibration.Bucket> calibration() {
        return Calibration.of(scores.predictions());
    }

    /** A member's scores on resolved forecasts, newest first (public, as on Metaculus). */
    @Transactional(readOnly = true)
    public List<ForecastScore> scoresOf(String username) {
        return scores.ofMember(username);
    }

    /** The scores of a resolved forecast, best first (names shown only for public polls). */
    @Transactional(readOnly = true)
    public List<ForecastScore> scoresOfPoll(long pollId) {
        return scores.ofPoll(pollId);
    }

    public enum Outcome {
        YES, NO, ANNULLED
    }
}
