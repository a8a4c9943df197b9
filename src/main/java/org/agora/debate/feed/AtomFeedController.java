package org.agora.debate.feed;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.agora.debate.Author;
import org.agora.debate.Category;
import org.agora.debate.DebateCatalog;
import org.agora.debate.Post;
import org.agora.debate.Topic;
import org.agora.debate.TopicSort;
import org.agora.shared.i18n.Messages;
import org.agora.shared.text.Markdown;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Atom feeds (RFC 4287) for readers, no login needed: the threads with the latest activity (optionally of one
 * category) and the latest posts of one thread. Every address in a feed is built from {@code agora.base-url},
 * never from the request's Host header; ids are tag URIs that stay the same when a title changes.
 *
 * <p>Posts go out as the HTML that was sanitized when they were saved, escaped as text; titles as plain text.
 * The whole of {@code /feeds/} is answered here (unknown addresses with a plain 404), so no feed request ever
 * reaches Vaadin or opens an HTTP session.
 */
@RestController
@RequestMapping("/feeds")
class AtomFeedController {
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final int THREADS = 50;
    static final int POSTS = 100;
    private static final String CACHE_CONTROL = "public, max-age=60";
    private static final int TITLE_EXCERPT = 80;

    private final DebateCatalog catalog;
    private final String base;
    private final String tagPrefix;

    AtomFeedController(DebateCatalog catalog, @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.catalog = catalog;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String host = URI.create(base).getHost();
        // tag URIs (RFC 4151): the site's host name and a year it was ours; stable across renames and ports
        this.tagPrefix = "tag:" + (host == null ? "agora.invalid" : host.toLowerCase(Locale.ROOT)) + ",2024:";
    }

    @GetMapping("/threads.atom")
    ResponseEntity<byte[]> threads(@RequestParam(name = "category", required = false) String categorySlug,
                                   HttpServletResponse response) {
        Category category = null;
        if (categorySlug != null && !categorySlug.isBlank()) {
            Optional<Category> found = catalog.categoryBySlug(categorySlug);
            if (found.isEmpty()) {
                return notFound();
            }
            category = found.get();
        }
        List<Topic> topics = catalog.topics(TopicSort.LATEST_ACTIVITY, category == null ? null : category.id(), null,
                null, THREADS);
        var openings = catalog.openingPosts(topics.stream().map(Topic::id).toList());
        List<AtomWriter.Entry> entries = topics.stream().map(t -> threadEntry(t, openings.get(t.id()))).toList();
        String query = category == null ? "" : "?category=" + URLEncoder.encode(category.slug(), StandardCharsets.UTF_8);
        var feed = new AtomWriter.Feed(
                tagPrefix + "feeds/threads" + query,
                category == null ? "Agora: latest threads" : "Agora: latest threads in " + category.name(),
                category == null ? "Debates about what AI will do to work, meaning and power." : category.description(),
                newest(entries.stream().map(AtomWriter.Entry::updated)),
                base + "/feeds/threads.atom" + query,
                base + "/threads" + query,
                entries);
        return atom(feed, response);
    }

    @GetMapping("/threads/{id}.atom")
    ResponseEntity<byte[]> thread(@PathVariable("id") String id, HttpServletResponse response) {
        // a feed is public and cached: content moderators hid stays out of it whoever asks
        Optional<Topic> found = parseId(id).flatMap(catalog::find).filter(t -> !t.hidden());
        if (found.isEmpty()) {
            return notFound();
        }
        Topic topic = found.get();
        List<AtomWriter.Entry> entries = catalog.latestPosts(topic.id(), POSTS).stream()
                .map(p -> postEntry(topic, p)).toList();
        var feed = new AtomWriter.Feed(
                tagPrefix + "feeds/threads/" + topic.id(),
                "Agora: " + topic.title(),
                topic.summary(),
                newest(Stream.concat(Stream.of(topic.lastActivityAt()), entries.stream().map(AtomWriter.Entry::updated))),
                base + "/feeds/threads/" + topic.id() + ".atom",
                base + "/" + topic.path(),
                entries);
        return atom(feed, response);
    }

    /** Anything else under /feeds/: a plain 404 here rather than Vaadin's not-found page (which opens a session). */
    @GetMapping("/**")
    ResponseEntity<byte[]> unknown() {
        return notFound();
    }

    private AtomWriter.Entry threadEntry(Topic topic, Post opening) {
        Author author = opening == null ? Author.SYSTEM : opening.author();
        return new AtomWriter.Entry(
                tagPrefix + "threads/" + topic.id(),
                topic.title(),
                topic.createdAt(),
                newest(Stream.of(topic.lastActivityAt(), opening == null ? null : opening.editedAt())),
                authorName(author),
                authorUri(author),
                base + "/" + topic.path(),
                category(topic),
                topic.summary() == null || topic.summary().isBlank() ? null : topic.summary(),
                opening == null || opening.deleted() || opening.hidden() ? null : AtomWriter.Content.html(opening.html()));
    }

    private AtomWriter.Entry postEntry(Topic topic, Post post) {
        String deleted = Messages.get(Locale.ENGLISH, post.removedByModerators() ? "post.removedByModerators"
                : post.hidden() ? "post.hiddenByModerators" : "post.deletedByAuthor");
        String title;
        if (post.deleted() || post.hidden()) {
            title = deleted;
        } else if (post.opening()) {
            title = topic.title();
        } else {
            String excerpt = Markdown.toPlainText(post.body(), TITLE_EXCERPT);
            title = Messages.get(Locale.ENGLISH, "stance." + post.stance().name())
                    + (excerpt.isEmpty() ? "" : ": " + excerpt);
        }
        Instant updated = newest(Stream.of(post.createdAt(), post.editedAt(), post.deletedAt()));
        return new AtomWriter.Entry(
                tagPrefix + "posts/" + post.id(),
                title,
                post.createdAt(),
                updated,
                authorName(post.author()),
                authorUri(post.author()),
                base + "/" + topic.path() + "#post-" + post.id(),
                category(topic),
                null,
                post.deleted() || post.hidden() ? AtomWriter.Content.text(deleted) : AtomWriter.Content.html(post.html()));
    }

    private static AtomWriter.Category category(Topic topic) {
        return new AtomWriter.Category(topic.category().slug(), topic.category().name());
    }

    private static String authorName(Author author) {
        return author.isSystem() ? "Agora" : author.displayName();
    }

    private String authorUri(Author author) {
        return author.isSystem() ? null
                : base + "/u/" + URLEncoder.encode(author.username(), StandardCharsets.UTF_8);
    }

    /** The latest of these instants (nulls skipped); the epoch if there are none, so an empty feed stays stable. */
    private static Instant newest(Stream<Instant> instants) {
        return instants.filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static Optional<Long> parseId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }

    /**
     * The feed with caching headers. Spring Security has already written its "no-store" headers (eagerly), so
     * they are replaced on the response itself. Spring MVC answers a matching If-None-Match or
     * If-Modified-Since with 304 on its own.
     */
    private static ResponseEntity<byte[]> atom(AtomWriter.Feed feed, HttpServletResponse response) {
        byte[] body = AtomWriter.write(feed);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.PRAGMA, null); // Servlet 6.1: a null value removes the header
        response.setDateHeader(HttpHeaders.EXPIRES, System.currentTimeMillis() + 60_000);
        return ResponseEntity.ok()
                .contentType(ATOM)
                .eTag(etag(body))
                .lastModified(feed.updated())
                .body(body);
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body("Not found.\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
