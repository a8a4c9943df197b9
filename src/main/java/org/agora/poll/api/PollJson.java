package org.agora.poll.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.agora.poll.Ballot;
import org.agora.poll.InstantRunoff;
import org.agora.poll.Poll;
import org.agora.poll.PollKind;
import org.agora.poll.PollResults;
import org.agora.poll.PollStatus;
import org.agora.poll.ResultsVisibility;

/** The JSON the poll API reads and writes. Field names are the API's contract: rename nothing. */
final class PollJson {
    private PollJson() {
    }

    /** A poll past its closing time reads as CLOSED, whatever its stored status. */
    static PollStatus effectiveStatus(Poll poll, Instant now) {
        return poll.status() == PollStatus.OPEN && poll.closedAt(now) ? PollStatus.CLOSED : poll.status();
    }

    @Schema(name = "PollList", description = "Polls, newest first")
    record PollList(List<PollItem> items) {
    }

    @Schema(name = "PollItem")
    record PollItem(long id, PollKind kind, String question,
                    @Schema(description = "OPEN while it takes ballots; CLOSED once past closesAt") PollStatus status,
                    ResultsVisibility visibility, @Schema(nullable = true) Instant closesAt, Instant createdAt,
                    @Schema(nullable = true, description = "YES, NO or ANNULLED for a resolved forecast") String resolution,
                    @Schema(nullable = true, description = "the debate thread that asks this question") Long topicId,
                    @Schema(description = "the poll's page") String url) {
        static PollItem of(Poll p, Instant now, String baseUrl) {
            return new PollItem(p.id(), p.kind(), p.question(), effectiveStatus(p, now), p.visibility(), p.closesAt(),
                    p.createdAt(), p.resolution(), p.topicId(), baseUrl + "/polls/" + p.id());
        }
    }

    @Schema(name = "Poll", description = "A poll and, when its visibility rule lets you see them, its results")
    record PollDetails(long id, PollKind kind, String question, String description,
                       @Schema(description = "OPEN while it takes ballots; CLOSED once past closesAt") PollStatus status,
                       @Schema(description = "in order; empty for scale and forecast polls") List<OptionItem> options,
                       int minChoices, int maxChoices,
                       @Schema(nullable = true) Integer scaleMin, @Schema(nullable = true) Integer scaleMax,
                       @Schema(description = "scale values go from scaleMin to scaleMax in this step") int scaleStep,
                       @Schema(nullable = true) String scaleLowLabel, @Schema(nullable = true) String scaleHighLabel,
                       ResultsVisibility visibility,
                       @Schema(description = "whether voters' names are shown with their answers") boolean publicVoters,
                       @Schema(nullable = true) Instant closesAt, Instant createdAt,
                       @Schema(description = "forecasts: how moderators will decide") String resolutionCriteria,
                       @Schema(nullable = true, description = "forecasts: when it is due to be resolved") Instant resolvesAt,
                       @Schema(nullable = true, description = "YES, NO or ANNULLED for a resolved forecast") String resolution,
                       @Schema(nullable = true, description = "the moderator's note on the resolution") String resolutionNote,
                       @Schema(nullable = true) Long topicId, String url,
                       @Schema(nullable = true, description = "null while hidden from you") ResultsItem results,
                       @Schema(nullable = true, description = "why the results are hidden (a message key), else null",
                               example = "poll.resultsHidden.afterVoting") String resultsHidden) {
        static PollDetails of(Poll p, Instant now, String baseUrl, PollResults results, String hiddenReason) {
            return new PollDetails(p.id(), p.kind(), p.question(), p.description(), effectiveStatus(p, now),
                    p.options().stream().map(o -> new OptionItem(o.id(), o.label(), o.position(), o.other())).toList(),
                    p.minChoices(), p.maxChoices(), p.scaleMin(), p.scaleMax(), p.scaleStep(), p.scaleLowLabel(),
                    p.scaleHighLabel(), p.visibility(), p.publicVoters(), p.closesAt(), p.createdAt(),
                    p.resolutionCriteria(), p.resolvesAt(), p.resolution(), p.resolutionNote(), p.topicId(),
                    baseUrl + "/polls/" + p.id(), results == null ? null : ResultsItem.of(results),
                    results == null ? hiddenReason : null);
        }
    }

    @Schema(name = "PollOption")
    record OptionItem(long id, String label, int position,
                      @Schema(description = "the write-in answer: a ballot choosing it sends `other` text") boolean other) {
    }

    @Schema(name = "PollResults", description = "Counts only, never who voted what")
    record ResultsItem(@Schema(description = "members with a ballot") long voters,
                       @Schema(description = """
                               one entry per option (single, multiple; first choices for ranked), per scale value, \
                               or per probability given (forecast)""") List<AnswerCount> answers,
                       @Schema(nullable = true, description = "scale and forecast only") Long median,
                       @Schema(nullable = true, description = "scale and forecast only") Double mean,
                       @Schema(nullable = true, description = "forecast only: the recency-weighted median, in %")
                       Double communityForecast,
                       @Schema(nullable = true, description = "ranked only: instant runoff, round by round")
                       RunoffItem runoff) {
        static ResultsItem of(PollResults r) {
            Poll poll = r.poll();
            boolean values = poll.kind() == PollKind.SCALE || poll.kind() == PollKind.FORECAST;
            return new ResultsItem(r.voters(), answers(r), values ? r.median() : null, values ? r.mean() : null,
                    r.communityForecast(), r.runoff() == null ? null : RunoffItem.of(r.runoff()));
        }

        private static List<AnswerCount> answers(PollResults r) {
            Poll poll = r.poll();
            var answers = new ArrayList<AnswerCount>();
            switch (poll.kind()) {
                case SINGLE, MULTIPLE, RANKED -> poll.options().forEach(o ->
                        answers.add(new AnswerCount(o.id(), null, o.label(), r.count(o.id()), percent(r.count(o.id()), r.voters()))));
                case SCALE -> {
                    for (int v = poll.scaleMin(); v <= poll.scaleMax(); v++) {
                        String label = v == poll.scaleMin() && poll.scaleLowLabel() != null ? v + " · " + poll.scaleLowLabel()
                                : v == poll.scaleMax() && poll.scaleHighLabel() != null ? v + " · " + poll.scaleHighLabel()
                                : String.valueOf(v);
                        answers.add(new AnswerCount(null, v, label, r.count(v), percent(r.count(v), r.voters())));
                    }
                }
                case FORECAST -> new TreeMap<>(r.counts()).forEach((v, n) -> answers.add(
                        new AnswerCount(null, v.intValue(), v + "%", n, percent(n, r.voters()))));
            }
            return List.copyOf(answers);
        }

        /** Of voters, one decimal (a multiple-choice poll's percentages add up to more than 100). */
        static double percent(long count, long voters) {
            return voters == 0 ? 0 : Math.round(1000.0 * count / voters) / 10.0;
        }
    }

    @Schema(name = "PollAnswerCount")
    record AnswerCount(@Schema(nullable = true, description = "the option, for option polls") Long optionId,
                       @Schema(nullable = true, description = "the scale value or probability (%)") Integer value,
                       String label, long count, @Schema(description = "of voters, one decimal") double percent) {
        /** The percentage as the CSV shows it. */
        String percentText() {
            return String.format(Locale.ROOT, "%.1f", percent);
        }
    }

    @Schema(name = "PollRunoff", description = "Ties for elimination: fewer first choices, then the later option, go out")
    record RunoffItem(List<RoundItem> rounds, @Schema(nullable = true) Long winnerId) {
        static RunoffItem of(InstantRunoff.Result result) {
            return new RunoffItem(result.rounds().stream().map(round -> new RoundItem(
                    round.votes().entrySet().stream().map(e -> new OptionVotes(e.getKey(), e.getValue())).toList(),
                    round.exhausted(), round.eliminated(), round.winner())).toList(), result.winner());
        }
    }

    @Schema(name = "PollRunoffRound")
    record RoundItem(@Schema(description = "options still in the race, in poll order") List<OptionVotes> votes,
                     @Schema(description = "ballots with no option left in the race") int exhausted,
                     @Schema(nullable = true) Long eliminatedId, @Schema(nullable = true) Long winnerId) {
    }

    @Schema(name = "PollRunoffVotes")
    record OptionVotes(long optionId, int count) {
    }

    @Schema(name = "NewBallot", description = """
            Option ids for single, multiple and ranked polls (for ranked, most preferred first), or a value: \
            a point on the scale, or a probability in percent (1 to 99) for a forecast""")
    record NewBallot(@Schema(nullable = true, example = "[2]") List<Long> options,
                     @Schema(nullable = true, example = "4") Integer value,
                     @Schema(nullable = true, description = "your own words, when choosing the write-in option (1–200 characters)")
                     String other) {
    }

    @Schema(name = "Ballot", description = "Your own ballot")
    record BallotItem(long pollId, @Schema(nullable = true) List<Long> options, @Schema(nullable = true) Integer value) {
        static BallotItem of(long pollId, Ballot b) {
            return new BallotItem(pollId, b.options(), b.value());
        }
    }
}
