package org.agora.debate;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Collectors;
import org.agora.account.AccountService;
import org.agora.account.CurrentUser;
import org.agora.shared.text.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading debates; open to everyone, readers included. Page sizes are capped whatever the caller asks.
 *
 * <p>Content hidden by moderators is withheld here, for every caller at once: a hidden post (and a deleted one)
 * reaches anyone but its author and staff without its text ({@link Post#withheld()}), a hidden thread without its
 * title and summary ({@link Topic#withheld()}) and without posts. Lists and search leave hidden threads out.
 */
@Service
@Transactional(readOnly = true)
public class DebateCatalog {
    public static final int PINNED_MAX = 5;
    public static final int MAX_PAGE = 100;
    /** The argument map loads at most this many posts; longer threads are read in the timeline. */
    public static final int MAP_LIMIT = 2_000;

    private final TopicRepository topics;
    private final PostRepository posts;
    private final SearchRepository search;
    private final AccountService accounts;

    DebateCatalog(TopicRepository topics, PostRepository posts, SearchRepository search, AccountService accounts) {
        this.topics = topics;
        this.posts = posts;
        this.search = search;
        this.accounts = accounts;
    }

    public List<Category> categories() {
        return topics.categories();
    }

    public Optional<Category> categoryBySlug(String slug) {
        return categories().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public List<Topic> featured() {
        return topics.featured();
    }

    /** One page of threads; pass the last thread of the previous page to get the next. */
    public List<Topic> topics(TopicSort sort, Long categoryId, String tag, Topic after, int limit) {
        return topics.page(sort == null ? TopicSort.LATEST_ACTIVITY : sort, categoryId,
                tag == null || tag.isBlank() ? null : tag, after, cap(limit));
    }

    /**
     * One page of threads for the threads page: the first page starts with the pinned threads (up to
     * {@link #PINNED_MAX}, newest pin first), and no page lists a pinned thread again.
     */
    public List<Topic> topicsPinnedFirst(TopicSort sort, Long categoryId, String tag, Topic after, int limit) {
        String t = tag == null || tag.isBlank() ? null : tag;
        var page = topics.page(sort == null ? TopicSort.LATEST_ACTIVITY : sort, categoryId, t, after, cap(limit), true);
        if (after != null) {
            return page;
        }
        var first = new java.util.ArrayList<>(topics.pinned(categoryId, t, PINNED_MAX));
        first.addAll(page);
        return first;
    }

    /**
     * One page of threads by latest activity after a keyset position kept in a cursor (the last thread's
     * {@code lastActivityAt} and id; null {@code afterAt} for the first page). Up to {@link #MAX_PAGE} + 1
     * threads, so that a caller can look one ahead to tell whether another page follows.
     */
    public List<Topic> topicsByActivityAfter(Long categoryId, String tag, Instant afterAt, long afterId, int limit) {
        return topics.page(TopicSort.LATEST_ACTIVITY, categoryId, tag == null || tag.isBlank() ? null : tag,
                afterAt, 0, afterAt == null ? 0 : afterId, Math.max(1, Math.min(limit, MAX_PAGE + 1)));
    }

    /** Newest threads first (kept for callers that only page by date). */
    public List<Topic> latest(Long categoryId, Topic after, int limit) {
        return topics(TopicSort.NEWEST, categoryId, null, after, limit);
    }

    /** The thread, withheld (no title, no summary) if moderators hid it and the caller is neither its author nor staff. */
    public Optional<Topic> find(long id) {
        return topics.find(id).map(DebateCatalog::visible);
    }

    /** The post, withheld (no text) if it is hidden or deleted, or in a hidden thread, and not the caller's to see. */
    public Optional<Post> post(long id) {
        return posts.find(id).map(p -> topicReadable(p.topicId()) ? visible(p) : p.withheldCopy());
    }

    /** A thread's posts in order, a keyset page after {@code after} (null for the first page). */
    public List<Post> timeline(long topicId, Post after, int limit) {
        if (!topicReadable(topicId)) {
            return List.of();
        }
        return visible(posts.timeline(topicId, after == null ? null : after.createdAt(), after == null ? 0 : after.id(),
                cap(limit)));
    }

    /** The latest posts of a thread, newest first, deleted ones included (they show as deleted): for feeds. */
    public List<Post> latestPosts(long topicId, int limit) {
        if (!topicReadable(topicId)) {
            return List.of();
        }
        return visible(posts.latest(topicId, cap(limit)));
    }

    /** The opening post of each of these threads, by thread id (at most {@link #MAX_PAGE} threads). */
    public Map<Long, Post> openingPosts(Collection<Long> topicIds) {
        if (topicIds.size() > MAX_PAGE) {
            throw new IllegalArgumentException("at most " + MAX_PAGE + " threads, not " + topicIds.size());
        }
        return posts.openings(topicIds).stream().map(DebateCatalog::visible)
                .collect(Collectors.toMap(Post::topicId, p -> p));
    }

    /**
     * A thread's posts in order after a keyset position kept in a cursor (a post's {@code createdAt} and id;
     * null {@code afterAt} for the first page). Up to {@link #MAX_PAGE} + 1 posts, to look one ahead.
     */
    public List<Post> timelineAfter(long topicId, Instant afterAt, long afterId, int limit) {
        if (!topicReadable(topicId)) {
            return List.of();
        }
        return visible(posts.timeline(topicId, afterAt, afterAt == null ? 0 : afterId,
                Math.max(1, Math.min(limit, MAX_PAGE + 1))));
    }

    public ArgumentMap argumentMap(long topicId) {
        if (!topicReadable(topicId)) {
            return ArgumentMap.of(List.of());
        }
        return ArgumentMap.of(visible(posts.timeline(topicId, null, 0, MAP_LIMIT)));
    }

    /** The earlier versions of a post; none for a post whose text the caller may not read. */
    public List<Revision> revisions(long postId) {
        boolean readable = post(postId).filter(p -> !p.withheld()).isPresent();
        return readable ? posts.revisions(postId) : List.of();
    }

    /** The posts of this thread the signed-in member found convincing (empty for readers). */
    public Set<Long> convincedPosts(long topicId) {
        return CurrentUser.get().map(u -> (Set<Long>) new HashSet<>(posts.convincedBy(u.id().value(), topicId)))
                .orElse(Set.of());
    }

    /** Posts and thread titles matching a search as people type it ("gpu jobs", "\"give AI meaning\" -robots"). */
    public List<SearchResult> search(String query, Long categoryId, Stance stance, int limit) {
        String q = TextInput.clean(query); // no NUL or control characters reach the text-search parser
        if (q.isEmpty() || q.length() > 200) {
            return List.of();
        }
        return search.search(q, categoryId, stance, cap(limit));
    }

    public Optional<MemberProfile> profile(String username) {
        return accounts.findByUsername(username).map(a -> new MemberProfile(a.username(), a.displayName(),
                a.createdAt(), posts.postCount(a.id().value()), posts.convincingReceived(a.id().value()),
                posts.byAuthor(a.id().value(), 20)));
    }

    /** Whether the caller may read content moderators hid: staff, and the content's own author. */
    static boolean mayReadHidden(Long authorId) {
        return CurrentUser.get().map(u -> u.role().isStaff() || authorId != null && authorId == u.id().value())
                .orElse(false);
    }

    private static Post visible(Post p) {
        if (!p.hidden() && !p.deleted()) {
            return p;
        }
        return mayReadHidden(p.author().isSystem() ? null : p.author().id()) ? p : p.withheldCopy();
    }

    private static List<Post> visible(List<Post> page) {
        return page.stream().map(DebateCatalog::visible).toList();
    }

    private static Topic visible(Topic t) {
        return !t.hidden() || mayReadHidden(t.authorId()) ? t : t.withheldCopy();
    }

    private boolean topicReadable(long topicId) {
        return topics.find(topicId).map(t -> !t.withheld() && visible(t) == t).orElse(true);
    }

    private static int cap(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }
}
