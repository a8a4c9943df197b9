package org.agora.poll;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Agora shows beyond the tally: results split by the side voters took in the thread's debate, how minds
 * moved (from the ballot history), cross-tabs between two polls, and the community forecast over time. Each is
 * shown only where the poll's results are visible to the reader; on polls with secret voters, groups and cells
 * of fewer than {@code agora.polls.min-group-size} (default 5) members are withheld, so no one's ballot can be
 * read off a small group.
 */
@Service
public class PollInsights {
    private final PollService polls;
    private final PollRepository pollRepository;
    private final BallotRepository ballots;
    private final ObjectProvider<VoterSides> sides;
    private final int minGroup;

    PollInsights(PollService polls, PollRepository pollRepository, BallotRepository ballots,
                 ObjectProvider<VoterSides> sides, @Value("${agora.polls.min-group-size:5}") int minGroup) {
        this.polls = polls;
        this.pollRepository = pollRepository;
        this.ballots = ballots;
        this.sides = sides;
        this.minGroup = Math.max(1, minGroup);
    }

    public int minGroupSize() {
        return minGroup;
    }

    /** Results by debate side, for a poll attached to a thread. */
    @Transactional(readOnly = true)
    public Optional<StanceSplit> stanceSplit(long pollId) {
        var results = polls.results(pollId);
        var source = sides.getIfAvailable();
        if (results.isEmpty() || source == null || results.get().poll().topicId() == null) {
            return Optional.empty();
        }
        Poll poll = results.get().poll();
        Map<Long, Ballot> byVoter = ballots.ballotsByVoter(pollId);
        Map<Long, VoterSides.Side> side = source.sidesIn(poll.topicId(), byVoter.keySet());
        var groups = new EnumMap<VoterSides.Side, List<Ballot>>(VoterSides.Side.class);
        for (var s : VoterSides.Side.values()) {
            groups.put(s, new ArrayList<>());
        }
        byVoter.forEach((voter, ballot) -> groups.get(side.getOrDefault(voter, VoterSides.Side.NONE)).add(ballot));
        var rows = new ArrayList<StanceSplit.Group>();
        groups.forEach((s, list) -> {
            boolean shown = poll.publicVoters() || list.size() >= minGroup;
            Map<String, Long> counts = new LinkedHashMap<>();
            Double median = null;
            if (shown) {
                Answers.of(poll).forEach(a -> counts.put(a.key(), 0L));
                list.forEach(b -> Answers.keys(poll, b).forEach(k -> counts.merge(k, 1L, Long::sum)));
                median = median(poll, list);
            }
            rows.add(new StanceSplit.Group(s, list.size(), shown, counts, median));
        });
        return Optional.of(new StanceSplit(poll, Answers.of(poll), rows, minGroup));
    }

    /** How many members changed or took back their answer, from what to what, and when. */
    @Transactional(readOnly = true)
    public Optional<MindsMoved> mindsMoved(long pollId) {
        var results = polls.results(pollId);
        if (results.isEmpty()) {
            return Optional.empty();
        }
        Poll poll = results.get().poll();
        var first = new HashMap<Long, Ballot>();
        var last = new HashMap<Long, Ballot>();
        var changers = new java.util.HashSet<Long>();
        int changes = 0;
        int retractions = 0;
        var perMonth = new TreeMap<String, Integer>();
        for (BallotChange c : ballots.changes(pollId)) {
            if (c.before() == null && c.after() != null) {
                first.putIfAbsent(c.voterId(), c.after());
            }
            if (c.after() != null) {
                last.put(c.voterId(), c.after());
            }
            if (c.before() != null) {
                changers.add(c.voterId());
                if (c.after() == null) {
                    retractions++;
                } else {
                    changes++;
                }
                perMonth.merge(c.at().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                        .toLocalDate().toString().substring(0, 7), 1, Integer::sum);
            }
        }
        var flows = new LinkedHashMap<String, Long>();
        var current = ballots.ballotsByVoter(pollId);
        for (Long voter : changers) {
            Ballot from = first.get(voter);
            Ballot to = current.get(voter);
            String fromKey = from == null ? "" : Answers.wholeKey(poll, from);
            String toKey = to == null ? "" : Answers.wholeKey(poll, to);
            if (!fromKey.equals(toKey)) {
                flows.merge(fromKey + "→" + toKey, 1L, Long::sum);
            }
        }
        var flowRows = new ArrayList<MindsMoved.Flow>();
        flows.forEach((k, n) -> {
            String[] parts = k.split("→", -1);
            flowRows.add(new MindsMoved.Flow(parts[0].isEmpty() ? null : Answers.label(poll, parts[0]),
                    parts[1].isEmpty() ? null : Answers.label(poll, parts[1]), n));
        });
        flowRows.sort((a, b) -> Long.compare(b.members(), a.members()));
        return Optional.of(new MindsMoved(changers.size(), changes, retractions, flowRows, perMonth));
    }

    /** Polls sharing at least the minimum group of respondents with this one (cross-tab candidates). */
    @Transactional(readOnly = true)
    public List<Poll> crossTabCandidates(long pollId) {
        if (polls.results(pollId).isEmpty()) {
            return List.of();
        }
        return ballots.pollsSharingVoters(pollId, minGroup).stream()
                .map(id -> polls.find(id).orElse(null))
                .filter(p -> p != null && polls.results(p.id()).isPresent()).toList();
    }

    /** Rows: answers of poll {@code rowsPoll}; columns: answers of {@code columnsPoll}; members who answered both. */
    @Transactional(readOnly = true)
    public Optional<CrossTab> crossTab(long rowsPoll, long columnsPoll) {
        var a = polls.results(rowsPoll);
        var b = polls.results(columnsPoll);
        if (a.isEmpty() || b.isEmpty() || rowsPoll == columnsPoll) {
            return Optional.empty();
        }
        Poll rows = a.get().poll();
        Poll columns = b.get().poll();
        var rowBallots = ballots.ballotsByVoter(rowsPoll);
        var columnBallots = ballots.ballotsByVoter(columnsPoll);
        var cells = new HashMap<String, Long>();
        int both = 0;
        for (var e : rowBallots.entrySet()) {
            Ballot other = columnBallots.get(e.getKey());
            if (other == null) {
                continue;
            }
            both++;
            for (String r : Answers.keys(rows, e.getValue())) {
                for (String c : Answers.keys(columns, other)) {
                    cells.merge(r + "|" + c, 1L, Long::sum);
                }
            }
        }
        boolean open = rows.publicVoters() && columns.publicVoters();
        var shown = new HashMap<String, Long>();
        cells.forEach((k, n) -> shown.put(k, open || n >= minGroup ? n : null));
        return Optional.of(new CrossTab(rows, columns, Answers.of(rows), Answers.of(columns), shown, both, minGroup));
    }

    /** The community forecast over time, at most {@code maxPoints} points (forecasts only). */
    @Transactional(readOnly = true)
    public List<CommunityForecastHistory.Point> forecastHistory(long pollId, int maxPoints) {
        var results = polls.results(pollId);
        if (results.isEmpty() || results.get().poll().kind() != PollKind.FORECAST) {
            return List.of();
        }
        var changes = ballots.changes(pollId).stream().map(c -> new CommunityForecastHistory.Change(c.at(),
                c.voterId(), c.after() == null ? null : c.after().value())).toList();
        return CommunityForecastHistory.of(changes, Math.max(2, Math.min(maxPoints, 500)));
    }

    private static Double median(Poll poll, List<Ballot> list) {
        if (poll.kind() != PollKind.SCALE && poll.kind() != PollKind.FORECAST || list.isEmpty()) {
            return null;
        }
        var values = list.stream().map(Ballot::value).sorted().toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
    }
}
