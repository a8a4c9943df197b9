package org.agora.moderation;

import java.time.Clock;
import java.util.List;
import org.agora.shared.events.EventBus;
import org.agora.shared.filter.ContentFilter;
import org.agora.shared.filter.ContentRefused;
import org.agora.shared.filter.Links;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The filters admins keep on {@code /moderation/settings}, applied for debate, poll and account through their
 * {@link ContentFilter} port. The lists are cached in memory; a change empties the cache on this node after its
 * commit and, through the {@link EventBus} (LISTEN/NOTIFY), on every other node.
 *
 * <p>In order: a BLOCK word or a link to a blocked domain refuses the text (naming the word or domain); REPLACE
 * words are replaced; a REVIEW word lets the text through but asks the owning feature to hold what it saved.
 * A username is a name, not a text: any watched word refuses it (its underscores and changes between letters
 * and digits count as word boundaries). A poll question cannot be held (polls have no
 * hidden state), so a REVIEW word refuses it too.
 */
@Component
class ModerationContentFilter implements ContentFilter {
    static final String BUS_TOPIC = "moderation.filters";

    private record Snapshot(WordMatcher words, List<String> domains, NewAccountLimits limits) {
    }

    private final FilterRepository filters;
    private final SettingRepository settings;
    private final FlagRepository items;
    private final Contents contents;
    private final Audit audit;
    private final Clock clock;
    private final EventBus bus;
    private volatile Snapshot snapshot;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    ModerationContentFilter(FilterRepository filters, SettingRepository settings, FlagRepository items,
                            Contents contents, Audit audit, Clock clock, EventBus bus) {
        this.filters = filters;
        this.settings = settings;
        this.items = items;
        this.contents = contents;
        this.audit = audit;
        this.clock = clock;
        this.bus = bus;
        bus.subscribe(BUS_TOPIC, payload -> forget());
    }

    @Override
    public Checked check(Field field, String text) {
        if (text == null || text.isEmpty()) {
            return new Checked(text, null);
        }
        var s = snapshot();
        String normalized = Links.normalize(text);
        if (field == Field.USERNAME) {
            // underscores and letter-digit changes separate the words of a username ("wombat_99", "wombat99")
            String words = normalized.replace('_', ' ')
                    .replaceAll("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})", " ");
            var any = s.words().any(words);
            if (any.isPresent()) {
                throw new ContentRefused("filter.usernameWord", any.get().word());
            }
            return new Checked(text, null);
        }
        var blocked = s.words().first(normalized, WatchedWord.Action.BLOCK);
        if (blocked.isPresent()) {
            throw new ContentRefused("filter.blockedWord", blocked.get().word());
        }
        if (!s.domains().isEmpty()) {
            for (String host : Links.hosts(text)) {
                for (String domain : s.domains()) {
                    if (Links.within(host, domain)) {
                        throw new ContentRefused("filter.blockedDomain", domain);
                    }
                }
            }
        }
        String saved = s.words().replace(text, normalized);
        var review = s.words().first(saved == text ? normalized : saved, WatchedWord.Action.REVIEW);
        if (review.isPresent()) {
            if (field == Field.POLL_QUESTION) {
                throw new ContentRefused("filter.blockedWord", review.get().word());
            }
            return new Checked(saved, "Held for review: the watched word \"" + review.get().word() + "\".");
        }
        return new Checked(saved, null);
    }

    /** Hides the saved content as Agora's own moderator and opens its review item, audited as automatic. */
    @Override
    public void holdForReview(Held held) {
        var target = new Target(TargetType.valueOf(held.type()), held.id());
        SystemModerator.call(() -> {
            var before = contents.describe(target, held.path());
            contents.hide(target, held.reason());
            items.hold(target, held.authorId(), held.path(), held.reason(), clock.instant());
            audit.automatic(ModerationAction.AUTO_HIDE, target, FlagReason.OTHER, held.reason(), before,
                    contents.describe(target, held.path()));
            return null;
        });
    }

    @Override
    public NewAccountLimits newAccountLimits() {
        return snapshot().limits();
    }

    /** The words as matched now (for the settings page's preview and tests). */
    WordMatcher words() {
        return snapshot().words();
    }

    /** Forgets the cached lists once the current transaction commits, here and on every node. */
    void changed() {
        bus.publish(BUS_TOPIC, "1");
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot snapshot() {
        var s = snapshot;
        if (s == null) {
            long seen = generation.get();
            s = new Snapshot(new WordMatcher(filters.words()), filters.domains(), settings.newAccountLimits());
            if (generation.get() == seen) {
                snapshot = s; // not if the lists changed while they were read
            }
        }
        return s;
    }
}
