package org.agora.poll;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agora.account.CurrentUser;
import org.agora.account.Role;
import org.agora.shared.events.EventBus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voting and results. One ballot per member and poll (primary key); changing or retracting it is recorded in
 * the ballot history; the tallies change in the same transaction, over 16 slots per bucket, so they are exact
 * without counting ballots and without one hot row. {@link #reconcile} proves it against a recount.
 */
@Service
public class PollService {
    static final String TOPIC = "poll.vote";
    static final int OTHER_MAX_CHARS = 200;

    private final PollRepository polls;
    private final BallotRepository ballots;
    private final EventBus bus;
    private final Clock clock;
    private final int votesPerMinute;
    private final Cache<Long, Bucket> throttles = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Map<Long, List<Runnable>> watchers = new ConcurrentHashMap<>();

    PollService(PollRepository polls, BallotRepository ballots, EventBus bus, Clock clock,
                @Value("${agora.voting.votes-per-minute:30}") int votesPerMinute) {
        this.polls = polls;
        this.ballots = ballots;
        this.bus = bus;
        this.clock = clock;
        this.votesPerMinute = votesPerMinute;
        bus.subscribe(TOPIC, payload -> {
            try {
                watchers.getOrDefault(Long.parseLong(payload), List.of()).forEach(Runnable::run);
            } catch (NumberFormatException ignored) {
                // not ours
            }
        });
    }

    @Transactional(readOnly = true)
    public Optional<Poll> find(long pollId) {
        return polls.find(pollId).filter(p -> !p.isDraft()
                || CurrentUser.get().map(u -> p.isAuthor(u.id().value())).orElse(false));
    }

    @Transactional(readOnly = true)
    public Optional<Poll> forTopic(long topicId) {
        return polls.forTopic(topicId).filter(p -> p.status() != PollStatus.DRAFT);
    }

    @Transactional(readOnly = true)
    public List<Poll> latest(int limit) {
        return polls.latest(Math.max(1, Math.min(limit, 100)));
    }

    /** Casts or changes the signed-in member's ballot. A repeated identical ballot changes nothing. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void vote(long pollId, Ballot ballot) {
        vote(pollId, ballot, null);
    }

    /**
     * Casts or changes the signed-in member's ballot; {@code otherText} is the member's own answer when the
     * ballot picks the poll's "other" option (required then, ignored otherwise).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void vote(long pollId, Ballot ballot, String otherText) {
        long voter = CurrentUser.require().id().value();
        Instant now = clock.instant();
        Poll poll = polls.find(pollId).filter(p -> !p.isDraft() || p.isAuthor(voter))
                .orElseThrow(() -> new PollException("poll.notFound"));
        requireOpen(poll, now);
        Ballot clean = validate(poll, ballot);
        String other = otherAnswer(poll, clean, otherText);
        take(voter);
        Ballot before = null;
        if (!ballots.insert(pollId, voter, clean, now)) {
            before = ballots.findForUpdate(pollId, voter).orElse(null);
            if (before == null) {
                // retracted by a concurrent request between the two statements: vote again from scratch
                if (!ballots.insert(pollId, voter, clean, now)) {
                    throw new PollException("poll.tryAgain");
                }
            } else if (before.equals(clean)) {
                if (other != null) {
                    ballots.saveOtherAnswer(pollId, voter, other, now);
                }
                return;
            } else {
                ballots.update(pollId, voter, clean, now);
            }
        }
        if (other != null) {
            ballots.saveOtherAnswer(pollId, voter, other, now);
        } else if (before != null && poll.otherOption().isPresent()) {
            ballots.deleteOtherAnswer(pollId, voter);
        }
        applyChange(ballots, poll, voter, before, clean);
        ballots.history(pollId, voter, before, clean, now);
        bus.publish(TOPIC, String.valueOf(pollId));
    }

    /** The member's own words for the "other" answer, checked; null when the ballot does not pick it. */
    private static String otherAnswer(Poll poll, Ballot ballot, String raw) {
        var other = poll.otherOption();
        if (other.isEmpty() || ballot.options() == null || !ballot.options().contains(other.get().id())) {
            return null;
        }
        String text = org.agora.shared.text.TextInput.clean(raw);
        int length = org.agora.shared.text.TextInput.length(text);
        if (org.agora.shared.text.TextInput.isBlank(text) || length > OTHER_MAX_CHARS) {
            throw new PollException("ballot.otherText", OTHER_MAX_CHARS, length);
        }
        return text;
    }

    /** The latest visible "other" answers of a poll (hidden ones only for staff), if its results are visible. */
    @Transactional(readOnly = true)
    public List<OtherAnswer> otherAnswers(long pollId, int limit) {
        if (results(pollId).isEmpty()) {
            return List.of();
        }
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        return ballots.otherAnswers(pollId, isStaff(), poll.publicVoters(), Math.max(1, Math.min(limit, 200)));
    }

    /** The signed-in member's own words for the "other" answer, if their ballot picks it. */
    @Transactional(readOnly = true)
    public Optional<String> myOtherAnswer(long pollId) {
        return CurrentUser.get().flatMap(u -> ballots.otherAnswer(pollId, u.id().value()));
    }

    /** Hides or shows an "other" answer (moderators), as a post is hidden. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public void hideOtherAnswer(long pollId, long voterId, boolean hidden) {
        if (!ballots.hideOtherAnswer(pollId, voterId, hidden)) {
            throw new PollException("poll.notFound");
        }
        bus.publish(TOPIC, String.valueOf(pollId));
    }

    /** Tells every node's open pages of this poll to redraw it (after commit, coalesced by the bus). */
    void announce(long pollId) {
        bus.publish(TOPIC, String.valueOf(pollId));
    }

    /** Who voted for what, for polls whose voters are public (empty for secret polls and hidden results). */
    @Transactional(readOnly = true)
    public List<PublicBallot> publicBallots(long pollId) {
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        if (!poll.publicVoters() || results(pollId).isEmpty()) {
            return List.of();
        }
        return ballots.publicBallots(pollId);
    }

    /** Takes the signed-in member's ballot back, while the poll is open. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean retract(long pollId) {
        long voter = CurrentUser.require().id().value();
        Instant now = clock.instant();
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        requireOpen(poll, now);
        var before = ballots.findForUpdate(pollId, voter);
        if (before.isEmpty() || !ballots.delete(pollId, voter)) {
            return false;
        }
        applyChange(ballots, poll, voter, before.get(), null);
        ballots.history(pollId, voter, before.get(), null, now);
        bus.publish(TOPIC, String.valueOf(pollId));
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<Ballot> myBallot(long pollId) {
        return CurrentUser.get().flatMap(u -> ballots.find(pollId, u.id().value()));
    }

    /** The results, if the poll's visibility rule lets the current reader see them now; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<PollResults> results(long pollId) {
        Poll poll = find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        boolean visible = switch (poll.visibility()) {
            case ALWAYS -> true;
            case AFTER_VOTING -> poll.closedAt(clock.instant()) || myBallot(pollId).isPresent() || isStaff();
            case AFTER_CLOSE -> poll.closedAt(clock.instant()) || isStaff();
            case MODERATORS -> isStaff();
        };
        if (!visible) {
            return Optional.empty();
        }
        var counts = new HashMap<>(ballots.tally(pollId));
        long voters = Optional.ofNullable(counts.remove(BallotRepository.VOTERS)).orElse(0L);
        counts.values().removeIf(v -> v == 0);
        Double community = poll.kind() == PollKind.FORECAST
                ? CommunityForecast.recencyWeightedMedian(ballots.forecastsOldestFirst(pollId)) : null;
        InstantRunoff.Result runoff = poll.kind() == PollKind.RANKED
                ? InstantRunoff.count(poll.options().stream().map(PollOption::id).toList(), ballots.rankings(pollId)) : null;
        return Optional.of(new PollResults(poll, Map.copyOf(counts), voters, community, runoff));
    }

    /** Whether the tallies equal a recount of the ballots (run after every concurrency scenario in tests). */
    @Transactional(readOnly = true)
    public boolean reconcile(long pollId) {
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        var tally = new HashMap<>(ballots.tally(pollId));
        tally.values().removeIf(v -> v == 0);
        return tally.equals(ballots.recount(pollId, poll.kind()));
    }

    /** Calls {@code onVote} after any ballot in the poll changed, on any node (coalesced by the bus). */
    public Runnable watch(long pollId, Runnable onVote) {
        watchers.computeIfAbsent(pollId, k -> new CopyOnWriteArrayList<>()).add(onVote);
        return () -> watchers.getOrDefault(pollId, List.of()).remove(onVote);
    }

    private void requireOpen(Poll poll, Instant now) {
        if (poll.status() == PollStatus.DRAFT) {
            throw new PollException("poll.draft");
        }
        if (!poll.acceptsBallotsAt(now)) {
            throw new PollException("poll.closed");
        }
    }

    /** Checks a ballot against the poll; returns it normalised (options de-duplicated in order). */
    static Ballot validate(Poll poll, Ballot ballot) {
        if (ballot == null) {
            throw new PollException("ballot.empty");
        }
        Set<Long> valid = new HashSet<>();
        poll.options().forEach(o -> valid.add(o.id()));
        switch (poll.kind()) {
            case SINGLE, MULTIPLE, RANKED -> {
                List<Long> chosen = ballot.options() == null ? List.of() : ballot.options();
                if (chosen.stream().anyMatch(Objects::isNull) || !valid.containsAll(chosen)) {
                    throw new PollException("ballot.unknownOption");
                }
                if (new LinkedHashSet<>(chosen).size() != chosen.size()) {
                    throw new PollException("ballot.duplicateOption");
                }
                if (chosen.isEmpty()) {
                    throw new PollException("ballot.empty");
                }
                if (poll.kind() == PollKind.SINGLE && chosen.size() != 1) {
                    throw new PollException("ballot.chooseOne");
                }
                if (poll.kind() == PollKind.MULTIPLE
                        && (chosen.size() < Math.max(1, poll.minChoices()) || chosen.size() > poll.maxChoices())) {
                    throw new PollException("ballot.chooseBetween", Math.max(1, poll.minChoices()), poll.maxChoices());
                }
                return Ballot.ofOptions(chosen);
            }
            case SCALE -> {
                Integer v = ballot.value();
                if (v == null || v < poll.scaleMin() || v > poll.scaleMax() || (v - poll.scaleMin()) % poll.scaleStep() != 0) {
                    throw new PollException("ballot.scaleRange", poll.scaleMin(), poll.scaleMax(), poll.scaleStep());
                }
                return Ballot.ofValue(v);
            }
            case FORECAST -> {
                Integer v = ballot.value();
                if (v == null || v < 1 || v > 99) {
                    throw new PollException("ballot.probabilityRange");
                }
                return Ballot.ofValue(v);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Adds a ballot's buckets to the net changes (an unchanged option nets to zero and is not touched). */
    private static void add(java.util.TreeMap<Long, Integer> deltas, Poll poll, Ballot ballot, int delta) {
        if (ballot == null) {
            return;
        }
        switch (poll.kind()) {
            case SINGLE, MULTIPLE -> ballot.options().forEach(o -> deltas.merge(o, delta, Integer::sum));
            case RANKED -> deltas.merge(ballot.options().getFirst(), delta, Integer::sum);
            case SCALE, FORECAST -> deltas.merge((long) ballot.value(), delta, Integer::sum);
        }
    }

    /**
     * Moves the tallies from one ballot of a voter to another (either may be null: a first vote, a retraction).
     * The net change per bucket is applied in ascending bucket order: every transaction locks tally rows in the
     * same order, so concurrent ballots never deadlock on them.
     */
    static void applyChange(BallotRepository ballots, Poll poll, long voter, Ballot before, Ballot after) {
        var deltas = new java.util.TreeMap<Long, Integer>();
        add(deltas, poll, before, -1);
        add(deltas, poll, after, +1);
        int voters = (after == null ? 0 : 1) - (before == null ? 0 : 1);
        deltas.merge(BallotRepository.VOTERS, voters, Integer::sum);
        deltas.forEach((bucket, delta) -> {
            if (delta != 0) {
                ballots.count(poll.id(), bucket, voter, delta);
            }
        });
    }

    private void take(long voter) {
        var bucket = throttles.get(voter, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(votesPerMinute).refillGreedy(votesPerMinute, Duration.ofMinutes(1)).build()).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new PollException("ballot.tooFast", Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        }
    }

    private static boolean isStaff() {
        return CurrentUser.get().map(u -> u.role() != Role.MEMBER).orElse(false);
    }
}
