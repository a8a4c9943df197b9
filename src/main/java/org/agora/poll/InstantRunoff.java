package org.agora.poll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Instant-runoff counting of ranked ballots, every round kept so it can be shown.
 * <p>
 * Each round counts every ballot for its highest-ranked option still in the race; a ballot whose options are all
 * eliminated is exhausted. An option with more than half of the continuing ballots wins; otherwise the option
 * with the fewest votes is eliminated. <b>Ties</b> for elimination are broken by fewer first preferences in the
 * first round, then by the option's position in the poll (the later one goes) — a fixed, documented rule.
 */
public final class InstantRunoff {
    /** One round: votes per option still in the race, exhausted ballots, and who was eliminated (or won). */
    public record Round(Map<Long, Integer> votes, int exhausted, Long eliminated, Long winner) {
    }

    public record Result(List<Round> rounds, Long winner) {
    }

    private InstantRunoff() {
    }

    /** @param options the poll's option ids in poll order; @param ballots each a ranking of option ids */
    public static Result count(List<Long> options, List<List<Long>> ballots) {
        Set<Long> remaining = new TreeSet<>(Comparatorless.of(options));
        remaining.addAll(options);
        Map<Long, Integer> firstRound = null;
        List<Round> rounds = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Map<Long, Integer> votes = new LinkedHashMap<>();
            options.stream().filter(remaining::contains).forEach(o -> votes.put(o, 0));
            int exhausted = 0;
            for (List<Long> ballot : ballots) {
                Long choice = ballot.stream().filter(remaining::contains).findFirst().orElse(null);
                if (choice == null) {
                    exhausted++;
                } else {
                    votes.merge(choice, 1, Integer::sum);
                }
            }
            if (firstRound == null) {
                firstRound = Map.copyOf(votes);
            }
            int continuing = votes.values().stream().mapToInt(Integer::intValue).sum();
            var leader = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
            if (continuing == 0) {
                rounds.add(new Round(Collections.unmodifiableMap(votes), exhausted, null, null));
                return new Result(rounds, null);
            }
            if (leader.getValue() * 2 > continuing || remaining.size() == 1) {
                rounds.add(new Round(Collections.unmodifiableMap(votes), exhausted, null, leader.getKey()));
                return new Result(rounds, leader.getKey());
            }
            Long loser = loser(votes, firstRound, options);
            rounds.add(new Round(Collections.unmodifiableMap(votes), exhausted, loser, null));
            remaining.remove(loser);
        }
        return new Result(rounds, null);
    }

    private static Long loser(Map<Long, Integer> votes, Map<Long, Integer> firstRound, List<Long> options) {
        Long loser = null;
        for (var e : votes.entrySet()) {
            if (loser == null) {
                loser = e.getKey();
                continue;
            }
            int byVotes = Integer.compare(e.getValue(), votes.get(loser));
            int byFirst = Integer.compare(firstRound.getOrDefault(e.getKey(), 0), firstRound.getOrDefault(loser, 0));
            int byPosition = Integer.compare(options.indexOf(loser), options.indexOf(e.getKey()));
            if (byVotes < 0 || (byVotes == 0 && (byFirst < 0 || (byFirst == 0 && byPosition < 0)))) {
                loser = e.getKey();
            }
        }
        return loser;
    }

    /** Keeps poll order in a sorted set without comparing ids. */
    private static final class Comparatorless {
        static java.util.Comparator<Long> of(List<Long> order) {
            Map<Long, Integer> index = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                index.put(order.get(i), i);
            }
            return java.util.Comparator.comparingInt(id -> index.getOrDefault(id, Integer.MAX_VALUE));
        }
    }
}
