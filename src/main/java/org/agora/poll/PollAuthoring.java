package org.agora.poll;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.agora.account.AgoraUser;
import org.agora.account.CurrentUser;
import org.agora.account.Role;
import org.agora.account.StaffSecurity;
import org.agora.shared.filter.ContentFilter;
import org.agora.shared.filter.ContentRefused;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Polls written by members: a draft only its author sees, published when ready; closed and reopened by hand by
 * its author or a moderator. Every rule is checked here, whatever the view shows.
 */
@Service
public class PollAuthoring {
    private final PollRepository polls;
    private final PollService pollService;
    private final StaffSecurity staff;
    private final Clock clock;
    private final int pollsPerHour;
    private final ObjectProvider<ContentFilter> filters;
    private final Cache<Long, Bucket> throttles = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    private final org.agora.shared.metrics.AgoraMeters meters;

    PollAuthoring(PollRepository polls, PollService pollService, StaffSecurity staff, Clock clock,
                  @Value("${agora.polls.created-per-hour:10}") int pollsPerHour,
                  ObjectProvider<ContentFilter> filters, org.agora.shared.metrics.AgoraMeters meters) {
        this.filters = filters;
        this.meters = meters;
        this.polls = polls;
        this.staff = staff;
        this.pollService = pollService;
        this.clock = clock;
        this.pollsPerHour = pollsPerHour;
    }

    /** Checks and saves a poll, as a draft or published at once; returns its id. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long create(PollDraft draft, boolean publish) {
        var me = CurrentUser.require();
        Instant now = clock.instant();
        PollDraft clean = PollDraftCheck.clean(filtered(PollDraftCheck.clean(draft, now)), now); // replacements re-checked
        take(me.id().value());
        long id = polls.insert(clean, me.id().value(), publish ? PollStatus.OPEN : PollStatus.DRAFT, now);
        if (publish) {
            holdWatchedOptions(id);
        }
        return id;
    }

    /** Rewrites the author's draft; refuses if it was changed (or published) since {@code version} was read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void updateDraft(long pollId, int version, PollDraft draft) {
        Poll poll = ownDraft(pollId);
        PollDraft clean = PollDraftCheck.clean(filtered(PollDraftCheck.clean(draft, clock.instant())), clock.instant());
        if (poll.version() != version || !polls.updateDraft(pollId, version, clean)) {
            throw new PollException("draft.changedMeanwhile");
        }
    }

    /** Opens the author's draft for votes (its closing date must still lie ahead). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void publish(long pollId) {
        Poll poll = ownDraft(pollId);
        Instant now = clock.instant();
        if (poll.closesAt() != null && !poll.closesAt().isAfter(now)) {
            throw new PollException(List.of(new PollException.Problem("closesAt", "draft.closesAt")));
        }
        if (!polls.publish(pollId, now)) {
            throw new PollException("draft.changedMeanwhile");
        }
        holdWatchedOptions(pollId);
    }

    /**
     * The draft as the content filter lets it through: watched words replaced; a blocked word or link domain in
     * the question, description or an answer is a problem on that field (all of them reported at once).
     */
    private PollDraft filtered(PollDraft draft) {
        var problems = new java.util.ArrayList<PollException.Problem>();
        String question = filter(ContentFilter.Field.POLL_QUESTION, "question", draft.question(), problems);
        String description = filter(ContentFilter.Field.POLL_QUESTION, "description", draft.description(), problems);
        var options = new java.util.ArrayList<String>();
        for (int i = 0; i < draft.options().size(); i++) {
            options.add(filter(ContentFilter.Field.POLL_OPTION, "option." + i, draft.options().get(i), problems));
        }
        if (!problems.isEmpty()) {
            throw new PollException(problems);
        }
        return draft.withTexts(question, description, options);
    }

    private String filter(ContentFilter.Field field, String formField, String text,
                          List<PollException.Problem> problems) {
        try {
            return filters().check(field, text).text();
        } catch (ContentRefused e) {
            problems.add(new PollException.Problem(formField, e.messageKey(), e.args()));
            return text;
        }
    }

    /** Once a poll is public, answers with a watched word that asks for review are hidden pending review. */
    private void holdWatchedOptions(long pollId) {
        var poll = polls.find(pollId).orElseThrow();
        for (PollOption option : poll.options()) {
            if (option.other()) {
                continue;
            }
            var checked = filters().check(ContentFilter.Field.POLL_OPTION, option.label());
            if (checked.held()) {
                filters().holdForReview(new ContentFilter.Held("POLL_OPTION", option.id(), poll.authorId(),
                        "/polls/" + pollId, checked.reviewReason()));
            }
        }
    }

    private ContentFilter filters() {
        return filters.getIfAvailable(() -> ContentFilter.NONE);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void deleteDraft(long pollId) {
        ownDraft(pollId);
        polls.deleteDraft(pollId);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Poll> myDrafts() {
        return polls.draftsOf(CurrentUser.require().id().value());
    }

    /** Stops the votes now (author or moderator). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void close(long pollId) {
        Poll poll = manageable(pollId);
        if (poll.closedAt(clock.instant()) && poll.status() != PollStatus.OPEN) {
            throw new PollException("poll.alreadyClosed");
        }
        if (!polls.close(pollId, clock.instant())) {
            throw new PollException("poll.alreadyClosed");
        }
        pollService.pollChanged(pollId);
    }

    /** Takes votes again (author or moderator), until {@code closesAt} (future) or without end (not forecasts). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void reopen(long pollId, Instant closesAt) {
        Poll poll = manageable(pollId);
        Instant now = clock.instant();
        if (poll.status() == PollStatus.RESOLVED) {
            throw new PollException("poll.resolvedForGood");
        }
        if (poll.acceptsBallotsAt(now)) {
            throw new PollException("poll.alreadyOpen");
        }
        if (closesAt == null ? poll.kind() == PollKind.FORECAST
                : !closesAt.isAfter(now) || closesAt.isAfter(now.plus(PollDraftCheck.MAX_OPEN))) {
            throw new PollException(List.of(new PollException.Problem("closesAt", "draft.closesAt")));
        }
        if (poll.resolvesAt() != null && closesAt != null && closesAt.isAfter(poll.resolvesAt())) {
            throw new PollException(List.of(new PollException.Problem("closesAt", "draft.closesAfterResolution")));
        }
        polls.reopen(pollId, closesAt);
        pollService.pollChanged(pollId);
    }

    /** Whether the signed-in member may close, reopen or edit this poll (for views; the services check anyway). */
    public static boolean canManage(Poll poll) {
        return CurrentUser.get().map(u -> isStaff(u) || poll.isAuthor(u.id().value())).orElse(false);
    }

    private Poll ownDraft(long pollId) {
        long me = CurrentUser.require().id().value();
        Poll poll = polls.find(pollId).filter(p -> p.isAuthor(me)).orElseThrow(() -> new PollException("poll.notFound"));
        if (!poll.isDraft()) {
            throw new PollException("draft.published");
        }
        return poll;
    }

    private Poll manageable(long pollId) {
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollException("poll.notFound"));
        var me = CurrentUser.require();
        if (poll.isDraft() && !poll.isAuthor(me.id().value())) {
            throw new PollException("poll.notFound");
        }
        if (!isStaff(me) && !poll.isAuthor(me.id().value())) {
            throw new PollException("poll.notYours");
        }
        if (!poll.isAuthor(me.id().value())) {
            staff.requireTwoFactor(); // acting on someone else's poll is a moderator action
        }
        return poll;
    }

    static boolean isStaff(AgoraUser user) {
        return user.role() == Role.MODERATOR || user.role() == Role.ADMIN;
    }

    private void take(long author) {
        var bucket = throttles.get(author, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(pollsPerHour).refillGreedy(pollsPerHour, Duration.ofHours(1)).build()).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.rateLimited("polls");
            throw new PollException("draft.tooMany", Duration.ofNanos(probe.getNanosToWaitForRefill()).toMinutes() + 1);
        }
    }
}
