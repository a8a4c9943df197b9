package org.agora.poll;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.agora.account.CurrentUser;
import org.agora.account.StaffSecurity;
import org.agora.shared.events.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Polls on other websites: each poll's embed settings (changed only by its author or a moderator, here, whatever
 * the view shows; a moderator acting on someone else's poll needs two factors and is announced for the audit log),
 * and readers' anonymous ballots, counted apart from members' ballots in their own exact, slotted tally. Who a
 * reader is (a random id in a signed token) is the embed feature's business: here a reader is a UUID.
 */
@Service
public class PollEmbedding {
    private final PollRepository polls;
    private final PollService pollService;
    private final ReaderBallotRepository readers;
    private final StaffSecurity staff;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<VoterSides> sides;
    /** Settings are read on every embed request (CORS, framing): kept 30 s, dropped at once when changed anywhere. */
    private final Cache<Long, EmbedSettings> settings = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();
    private final Cache<Long, ReaderTally> tallies = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();
    /** Versions per poll for {@link #kept} (bounded: ids of unknown polls asked for must not grow them for ever). */
    private final Map<Long, java.util.concurrent.atomic.AtomicLong> settingsVersions = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).<Long, java.util.concurrent.atomic.AtomicLong>build().asMap();
    private final Map<Long, java.util.concurrent.atomic.AtomicLong> tallyVersions = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).<Long, java.util.concurrent.atomic.AtomicLong>build().asMap();
    private final Cache<Long, Map<VoterSides.Side, VoterSides.TopArgument>> arguments = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(60)).build();

    private final String baseUrl;

    PollEmbedding(PollRepository polls, PollService pollService, ReaderBallotRepository readers, StaffSecurity staff,
                  Clock clock, ApplicationEventPublisher events, ObjectProvider<VoterSides> sides, EventBus bus,
                  @org.springframework.beans.factory.annotation.Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.polls = polls;
        this.pollService = pollService;
        this.readers = readers;
        this.staff = staff;
        this.clock = clock;
        this.events = events;
        this.sides = sides;
        bus.subscribe(PollService.TOPIC, payload -> parse(payload).ifPresent(id -> drop(tallies, tallyVersions, id)));
        bus.subscribe(PollService.TOPIC_CHANGED, payload -> parse(payload).ifPresent(id -> drop(settings, settingsVersions, id)));
    }

    private static Optional<Long> parse(String payload) {
        try {
            return Optional.of(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Agora's public address ({@code agora.base-url}, no trailing slash), for snippets and discovery links. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The poll's embed settings (off unless someone turned them on). */
    public EmbedSettings settings(long pollId) {
        return kept(settings, settingsVersions, pollId, () -> readers.settings(pollId).orElse(EmbedSettings.off(pollId)));
    }

    /**
     * A kept value, or one read now and kept unless it was dropped meanwhile. Never {@code Cache.get(key, loader)}:
     * that would read the database while holding the cache's lock, and {@link #drop} (after a ballot's commit, while
     * that transaction still holds its connection) would then wait for a loader that waits for a free connection — a
     * pool-wide deadlock under load (seen in the bench). Two readers may read at once; a version per poll keeps a
     * value read before a drop from being kept after it.
     */
    private static <T> T kept(Cache<Long, T> cache, Map<Long, java.util.concurrent.atomic.AtomicLong> versions, long pollId,
                               java.util.function.Supplier<T> read) {
        T value = cache.getIfPresent(pollId);
        if (value != null) {
            return value;
        }
        var version = versions.computeIfAbsent(pollId, k -> new java.util.concurrent.atomic.AtomicLong());
        long before = version.get();
        T fresh = read.get();
        cache.asMap().compute(pollId, (k, old) -> version.get() == before ? fresh : old);
        return fresh;
    }

    private static <T> void drop(Cache<Long, T> cache, Map<Long, java.util.concurrent.atomic.AtomicLong> versions, long pollId) {
        versions.computeIfAbsent(pollId, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        cache.invalidate(pollId);
    }

    /** Drops this node's kept settings and readers' tally of a poll (tests that write settings directly). */
    void forget(long pollId) {
        drop(settings, settingsVersions, pollId);
        drop(tallies, tallyVersions, pollId);
    }

    /** Whether the signed-in member may change this poll's embed settings (for views; {@link #update} checks). */
    public static boolean canManage(Poll poll) {
        return !poll.isDraft() && PollAuthoring.canManage(poll);
    }

    /**
     * Saves a poll's embed settings (its author, or a moderator with two factors). {@code originsText} is the list
     * of allowed origins as typed; {@code anyOrigin} must be chosen explicitly to allow every site.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public EmbedSettings update(long pollId, boolean enabled, boolean anyOrigin, String originsText,
                                boolean anonymousVoting, boolean resultsAfterVoting) {
        var me = CurrentUser.require();
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        if (poll.isDraft() && !poll.isAuthor(me.id().value())) {
            throw new PollException("poll.notFound");
        }
        if (poll.isDraft()) {
            throw new PollException("embed.draft");
        }
        boolean author = poll.isAuthor(me.id().value());
        if (!author && !PollAuthoring.isStaff(me)) {
            throw new PollException("poll.notYours");
        }
        if (!author) {
            staff.requireTwoFactor(); // changing someone else's poll is a moderator action
        }
        List<String> origins = EmbedSettings.parseOrigins(originsText);
        if (enabled && !anyOrigin && origins.isEmpty()) {
            throw new PollException("embed.originsRequired");
        }
        var saved = new EmbedSettings(pollId, enabled, anyOrigin, origins, anonymousVoting, resultsAfterVoting);
        readers.save(saved, me.id().value(), clock.instant());
        if (!author) {
            events.publishEvent(new EmbedSettingsChanged(pollId, poll.authorId(), summary(saved)));
        }
        pollService.pollChanged(pollId);
        afterCommit(() -> drop(settings, settingsVersions, pollId));
        return saved;
    }

    private static String summary(EmbedSettings s) {
        return "enabled=" + s.enabled() + ", origins=" + (s.anyOrigin() ? "*" : String.join(" ", s.origins()))
                + ", anonymous=" + s.anonymousVoting() + ", resultsAfterVoting=" + s.resultsAfterVoting();
    }

    /**
     * A reader's anonymous ballot. One per reader id: false if this reader voted already (nothing changes).
     *
     * @throws PollException {@code poll.notFound} (also for drafts), {@code embed.off} (not embeddable or no
     *                       anonymous voting), {@code poll.closed}, or a ballot problem ({@code ballot.*})
     */
    // no transaction around it: the ballot, its tally and the guards are one statement (readers.insert), so it is
    // atomic on its own and costs one round trip, not a BEGIN, the statement and a COMMIT
    public boolean castReaderBallot(long pollId, UUID reader, Ballot ballot) {
        Instant now = clock.instant();
        Poll poll = pollService.definition(pollId).filter(p -> !p.isDraft())
                .orElseThrow(() -> new PollException("poll.notFound"));
        EmbedSettings s = settings(pollId);
        if (!s.embeddable() || !s.anonymousVoting()) {
            throw new PollException("embed.anonymousOff");
        }
        if (!poll.acceptsBallotsAt(now)) {
            throw new PollException("poll.closed");
        }
        Ballot clean = PollService.validate(poll, ballot);
        if (poll.otherOption().map(o -> clean.options() != null && clean.options().contains(o.id())).orElse(false)) {
            throw new PollException("embed.otherNeedsMember");
        }
        if (readers.insert(pollId, reader, clean, now, PollService.deltas(poll, null, clean))) {
            afterCommit(() -> drop(tallies, tallyVersions, pollId));
            pollService.announce(pollId);
            return true;
        }
        if (readers.exists(pollId, reader)) {
            return false;
        }
        // the row said no although the kept settings said yes: closed or turned off meanwhile
        drop(settings, settingsVersions, pollId);
        throw new PollException(polls.find(pollId).map(p -> p.acceptsBallotsAt(now)).orElse(false)
                ? "embed.anonymousOff" : "poll.closed");
    }

    private static void afterCommit(Runnable action) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            action.run();
                        }
                    });
        } else {
            action.run();
        }
    }

    @Transactional(readOnly = true)
    public boolean hasVoted(long pollId, UUID reader) {
        return readers.exists(pollId, reader);
    }

    /** Readers' ballots: counts per bucket and the number of readers (exact, from the slotted tally). */
    public ReaderTally readerTally(long pollId) {
        return kept(tallies, tallyVersions, pollId, () -> {
            var counts = new HashMap<>(readers.tally(pollId));
            long voters = java.util.Optional.ofNullable(counts.remove(BallotRepository.VOTERS)).orElse(0L);
            counts.values().removeIf(v -> v == 0);
            return new ReaderTally(pollId, counts, voters);
        });
    }

    /**
     * Whether a reader of an embedded poll may see its results now: the poll's own visibility rule as it applies to
     * someone who is not a member (after voting counts the reader's anonymous ballot), and the embed's "results only
     * after voting".
     */
    public boolean resultsVisibleToReader(Poll poll, boolean voted) {
        boolean closed = poll.closedAt(clock.instant());
        boolean visible = switch (poll.visibility()) {
            case ALWAYS -> true;
            case AFTER_VOTING -> closed || voted;
            case AFTER_CLOSE -> closed;
            case MODERATORS -> false;
        };
        return visible && (closed || voted || !settings(poll.id()).resultsAfterVoting());
    }

    /** Members' results for a reader of an embedded poll, if {@link #resultsVisibleToReader} lets them see them. */
    @Transactional(readOnly = true)
    public Optional<PollResults> memberResults(Poll poll, boolean voted) {
        return resultsVisibleToReader(poll, voted) ? Optional.of(pollService.computedResults(poll)) : Optional.empty();
    }

    /** The most convincing argument on each side of the poll's thread (empty without a thread or a debate). */
    public Map<VoterSides.Side, VoterSides.TopArgument> topArguments(Poll poll) {
        var source = sides.getIfAvailable();
        if (poll.topicId() == null || source == null) {
            return Map.of();
        }
        var kept = arguments.getIfPresent(poll.id());
        if (kept == null) {
            kept = Map.copyOf(source.topArguments(poll.topicId()));
            arguments.put(poll.id(), kept);
        }
        return kept;
    }

    /** Whether the readers' tally equals a recount of their ballots (tests run it after concurrency scenarios). */
    @Transactional(readOnly = true)
    public boolean reconcile(long pollId) {
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        var tally = new HashMap<>(readers.tally(pollId));
        tally.values().removeIf(v -> v == 0);
        return tally.equals(readers.recount(pollId, poll.kind()));
    }
}
