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
import org.agora.account.AccountStanding;
import org.agora.account.CurrentUser;
import org.agora.account.MemberSanctioned;
import org.agora.account.StaffWithTwoFactor;
import org.agora.account.Role;
import org.agora.shared.events.EventBus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Voting and results. One ballot per member and poll (primary key); changing or retracting it is recorded in
 * the ballot history; the tallies change in the same transaction, over 16 slots per bucket, so they are exact
 * without counting ballots and without one hot row. {@link #reconcile} proves it against a recount.
 */
@Service
public class PollService {
    static final String TOPIC = "poll.vote";
    /** A poll itself changed (closed, reopened, resolved, an answer hidden): definitions are read again. */
    static final String TOPIC_CHANGED = "poll.changed";
    static final int OTHER_MAX_CHARS = 200;

    private final PollRepository polls;
    private final BallotRepository ballots;
    private final EventBus bus;
    private final Clock clock;
    private final AccountStanding standing;
    private final int votesPerMinute;
    private final org.agora.shared.metrics.AgoraMeters meters;
    /** The explained vote path's transaction (joins the caller's, if the caller has one). */
    private final org.springframework.transaction.support.TransactionTemplate explained;
    private final Cache<Long, Bucket> throttles = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Map<Long, List<Runnable>> watchers = new ConcurrentHashMap<>();
    /**
     * Counts, community forecast and runoff per poll, computed once and shared by every reader until a ballot
     * changes (invalidated after this node's commit and by the bus for other nodes; 5 s at most in any case):
     * a burst of votes on a poll watched by a thousand readers costs one recount per refresh, not a thousand.
     */
    private final Cache<Long, Computed> computed = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();
    private final Cache<Long, Poll> definitions = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();

    PollService(PollRepository polls, BallotRepository ballots, EventBus bus, Clock clock, AccountStanding standing,
                @Value("${agora.voting.votes-per-minute:30}") int votesPerMinute, org.agora.shared.metrics.AgoraMeters meters,
                org.springframework.transaction.PlatformTransactionManager transactions) {
        this.meters = meters;
        this.explained = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.polls = polls;
        this.ballots = ballots;
        this.bus = bus;
        this.clock = clock;
        this.standing = standing;
        this.votesPerMinute = votesPerMinute;
        bus.subscribe(TOPIC, payload -> heard(payload, false));
        bus.subscribe(TOPIC_CHANGED, payload -> heard(payload, true));
    }

    private void heard(String payload, boolean pollChanged) {
        try {
            long pollId = Long.parseLong(payload);
            if (pollChanged) {
                definitions.invalidate(pollId);
            }
            computed.invalidate(pollId);
            watchers.getOrDefault(pollId, List.of()).forEach(Runnable::run);
        } catch (NumberFormatException ignored) {
            // not ours
        }
    }

    @Transactional(readOnly = true)
    public Optional<Poll> find(long pollId) {
        return polls.find(pollId).filter(p -> !p.isDraft()
                || CurrentUser.get().map(u -> p.isAuthor(u.id().value())).orElse(false));
    }

    /**
     * The poll as last read, for the ballot path only (readers always get it fresh): published polls are kept
     * (their options never change; a status change is heard on the bus and dropped after the local commit),
     * drafts are always read afresh. Ballots never trust the kept status alone: their SQL only writes while the
     * poll row itself is open, and a refusal is checked against a fresh read.
     */
    Optional<Poll> definition(long pollId) {
        Poll kept = definitions.getIfPresent(pollId);
        if (kept != null) {
            return Optional.of(kept);
        }
        var read = polls.find(pollId);
        read.filter(p -> !p.isDraft()).ifPresent(p -> definitions.put(pollId, p));
        return read;
    }

    /**
     * A published poll (never a draft) as last read: kept, like the ballot path's, and dropped when it changes on
     * any node. For readers of embedded polls, who ask often and need no member's view of drafts.
     */
    public Optional<Poll> published(long pollId) {
        return definition(pollId).filter(p -> !p.isDraft());
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
    @Transactional(propagation = Propagation.SUPPORTS)
    public void vote(long pollId, Ballot ballot) {
        vote(pollId, ballot, null);
    }

    /**
     * Casts or changes the signed-in member's ballot; {@code otherText} is the member's own answer when the
     * ballot picks the poll's "other" option (required then, ignored otherwise).
     * <p>
     * The common cases, a first ballot and a change to another answer, are each ONE statement that also checks
     * that the poll is open and the member in good standing (no separate check first), run on its own (autocommit):
     * one round trip, and the tally rows it updates are locked for that statement only, not until a later COMMIT,
     * so votes on one poll queue for its tally slots as briefly as they can. Each such statement writes everything
     * or nothing. Anything else — an "other" answer, the same ballot again, a closed poll, a sanctioned member, a
     * race — goes on in a transaction, step by step, to find out what happened and say why. The whole call holds
     * one pooled connection at most ({@code SUPPORTS}: the statements share the connection the first one took,
     * and it is handed back before the explained path's transaction takes one), so a vote never waits for the pool
     * while holding a connection.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.SUPPORTS)
    public void vote(long pollId, Ballot ballot, String otherText) {
        long voter = CurrentUser.require().id().value();
        Instant now = clock.instant();
        Poll known = definition(pollId).filter(p -> !p.isDraft() || p.isAuthor(voter)).orElse(null);
        boolean taken = false;
        // polls with a write-in "other" answer keep it beside the ballot (kept, replaced or dropped with it): those
        // take the step-by-step path
        if (known != null && known.acceptsBallotsAt(now) && known.otherOption().isEmpty()) {
            Ballot clean = validate(known, ballot);
            take(voter);
            taken = true;
            // statements that return false wrote nothing: the explained path below goes on safely
            if (ballots.firstBallot(pollId, voter, clean, now, deltas(known, null, clean))
                    || ballots.changeAtOnce(pollId, voter, known.kind(), clean, buckets(known, clean), now)) {
                meters.ballotCast();
                changed(pollId);
                return;
            }
        }
        boolean rateTaken = taken;
        explained.executeWithoutResult(status -> voteExplained(pollId, voter, ballot, otherText, rateTaken));
    }

    /** The vote step by step (in a transaction), with a reason for every refusal (sanction, poll, ballot). */
    private void voteExplained(long pollId, long voter, Ballot ballot, String otherText, boolean rateTaken) {
        requireCanParticipate();
        Instant now = clock.instant();
        Poll poll = definition(pollId).filter(p -> !p.isDraft() || p.isAuthor(voter))
                .orElseThrow(() -> new PollException("poll.notFound"));
        if (!poll.acceptsBallotsAt(now)) {
            poll = fresh(pollId);
        }
        requireOpen(poll, now);
        Ballot clean = validate(poll, ballot);
        String other = otherAnswer(poll, clean, otherText);
        if (!rateTaken) {
            take(voter);
        }
        if (ballots.firstBallot(pollId, voter, clean, now, deltas(poll, null, clean))) {
            // the common case in one statement: ballot, history row and tallies
            if (other != null) {
                ballots.saveOtherAnswer(pollId, voter, other, now);
            }
            meters.ballotCast();
            changed(pollId);
            return;
        }
        Ballot before = ballots.findForUpdate(pollId, voter).orElse(null);
        if (before == null) {
            // closed meanwhile, or retracted by a concurrent request between the two statements
            requireOpen(fresh(pollId), now);
            if (!ballots.firstBallot(pollId, voter, clean, now, deltas(poll, null, clean))) {
                throw new PollException("poll.tryAgain");
            }
        } else if (before.equals(clean)) {
            requireOpen(fresh(pollId), now);
            if (other != null) {
                ballots.saveOtherAnswer(pollId, voter, other, now);
            }
            return;
        } else if (!ballots.changeBallot(pollId, voter, before, clean, now, deltas(poll, before, clean))) {
            requireOpen(fresh(pollId), now);
            throw new PollException("poll.tryAgain");
        }
        if (other != null) {
            ballots.saveOtherAnswer(pollId, voter, other, now);
        } else if (before != null && poll.otherOption().isPresent()) {
            ballots.deleteOtherAnswer(pollId, voter);
        }
        meters.ballotCast();
        changed(pollId);
    }

    /** The poll read from the database now, and kept again. */
    private Poll fresh(long pollId) {
        definitions.invalidate(pollId);
        return definition(pollId).orElseThrow(() -> new PollException("poll.notFound"));
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
        Poll poll = definition(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        return ballots.otherAnswers(pollId, isStaff(), poll.publicVoters(), Math.max(1, Math.min(limit, 200)));
    }

    /** The signed-in member's own words for the "other" answer, if their ballot picks it. */
    @Transactional(readOnly = true)
    public Optional<String> myOtherAnswer(long pollId) {
        return CurrentUser.get().flatMap(u -> ballots.otherAnswer(pollId, u.id().value()));
    }

    /** Hides or shows an "other" answer (moderators), as a post is hidden. */
    @StaffWithTwoFactor
    @Transactional
    public void hideOtherAnswer(long pollId, long voterId, boolean hidden) {
        if (!ballots.hideOtherAnswer(pollId, voterId, hidden)) {
            throw new PollException("poll.notFound");
        }
        changed(pollId);
    }

    /** Tells every node's open pages of this poll to redraw it (after commit, coalesced by the bus). */
    void announce(long pollId) {
        bus.publish(TOPIC, String.valueOf(pollId));
    }

    /** Who voted for what, for polls whose voters are public (empty for secret polls and hidden results). */
    @Transactional(readOnly = true)
    public List<PublicBallot> publicBallots(long pollId) {
        Poll poll = definition(pollId).orElseThrow(() -> new PollException("poll.notFound"));
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
        requireCanParticipate();
        Instant now = clock.instant();
        Poll poll = fresh(pollId);
        requireOpen(poll, now);
        var before = ballots.findForUpdate(pollId, voter);
        if (before.isEmpty() || !ballots.delete(pollId, voter)) {
            return false;
        }
        applyChange(ballots, poll, voter, before.get(), null);
        ballots.history(pollId, voter, before.get(), null, now);
        changed(pollId);
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
        Computed c = computed.get(pollId, id -> compute(poll));
        return Optional.of(new PollResults(poll, c.counts(), c.voters(), c.community(), c.runoff()));
    }

    /** The results whatever the visibility rule: for callers that apply their own rule (embedded polls). */
    PollResults computedResults(Poll poll) {
        Computed c = computed.get(poll.id(), id -> compute(poll));
        return new PollResults(poll, c.counts(), c.voters(), c.community(), c.runoff());
    }

    private Computed compute(Poll poll) {
        long pollId = poll.id();
        var counts = new HashMap<>(ballots.tally(pollId));
        long voters = Optional.ofNullable(counts.remove(BallotRepository.VOTERS)).orElse(0L);
        counts.values().removeIf(v -> v == 0);
        Double community = poll.kind() == PollKind.FORECAST
                ? CommunityForecast.recencyWeightedMedian(ballots.forecastsOldestFirst(pollId)) : null;
        InstantRunoff.Result runoff = poll.kind() == PollKind.RANKED
                ? InstantRunoff.count(poll.options().stream().map(PollOption::id).toList(), ballots.rankings(pollId)) : null;
        return new Computed(Map.copyOf(counts), voters, community, runoff);
    }

    private record Computed(Map<Long, Long> counts, long voters, Double community, InstantRunoff.Result runoff) {
    }

    /** After this transaction commits: drop the shared results here at once, and tell every node. */
    private void changed(long pollId) {
        afterCommit(() -> computed.invalidate(pollId));
        bus.publish(TOPIC, String.valueOf(pollId));
    }

    /** The poll itself changed (status, dates, resolution, a hidden answer): every node reads it again. */
    void pollChanged(long pollId) {
        afterCommit(() -> {
            definitions.invalidate(pollId);
            computed.invalidate(pollId);
        });
        bus.publish(TOPIC_CHANGED, String.valueOf(pollId));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** Whether the tallies equal a recount of the ballots (run after every concurrency scenario in tests). */
    @Transactional(readOnly = true)
    public boolean reconcile(long pollId) {
        Poll poll = definition(pollId).orElseThrow(() -> new PollException("poll.notFound"));
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
        buckets(poll, ballot).forEach(b -> deltas.merge(b, delta, Integer::sum));
    }

    /**
     * The tally buckets a ballot counts in: its options (single and multiple choice), its first preference
     * (ranked: the first round of the runoff), or its value (scales, forecasts). {@code BallotRepository.changeAtOnce}
     * applies the same rule in SQL to the ballot it replaces.
     */
    static List<Long> buckets(Poll poll, Ballot ballot) {
        return switch (poll.kind()) {
            case SINGLE, MULTIPLE -> ballot.options();
            case RANKED -> List.of(ballot.options().getFirst());
            case SCALE, FORECAST -> List.of((long) ballot.value());
        };
    }

    /**
     * Moves the tallies from one ballot of a voter to another (either may be null: a first vote, a retraction).
     * The net change per bucket is applied in ascending bucket order: every transaction locks tally rows in the
     * same order, so concurrent ballots never deadlock on them.
     */
    static void applyChange(BallotRepository ballots, Poll poll, long voter, Ballot before, Ballot after) {
        var deltas = deltas(poll, before, after);
        if (!deltas.isEmpty()) {
            ballots.count(poll.id(), voter, deltas);
        }
    }

    /** The net change per tally bucket (ascending) from one ballot to another; unchanged buckets left out. */
    static java.util.SortedMap<Long, Integer> deltas(Poll poll, Ballot before, Ballot after) {
        var deltas = new java.util.TreeMap<Long, Integer>();
        add(deltas, poll, before, -1);
        add(deltas, poll, after, +1);
        int voters = (after == null ? 0 : 1) - (before == null ? 0 : 1);
        deltas.merge(BallotRepository.VOTERS, voters, Integer::sum);
        deltas.values().removeIf(d -> d == 0);
        return deltas;
    }

    private void take(long voter) {
        var bucket = throttles.get(voter, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(votesPerMinute).refillGreedy(votesPerMinute, Duration.ofMinutes(1)).build()).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.rateLimited("voting");
            throw new PollException("ballot.tooFast", Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        }
    }

    private static boolean isStaff() {
        return CurrentUser.get().map(u -> u.role() != Role.MEMBER).orElse(false);
    }

    /** A silenced or suspended member may not vote: said as a poll error, with why and until when. */
    private void requireCanParticipate() {
        try {
            standing.requireCanParticipate();
        } catch (MemberSanctioned e) {
            throw new PollException(e.messageKey(), e.args());
        }
    }
}
