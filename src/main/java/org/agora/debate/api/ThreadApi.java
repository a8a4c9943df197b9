package org.agora.debate.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.Relation;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.agora.debate.api.ApiJson.NewPost;
import org.agora.debate.api.ApiJson.NewThread;
import org.agora.debate.api.ApiJson.PostItem;
import org.agora.debate.api.ApiJson.ThreadDetails;
import org.agora.debate.api.ApiJson.ThreadItem;
import org.agora.debate.api.ApiJson.ThreadList;
import org.agora.shared.api.ApiDocs;
import org.agora.shared.api.ApiException;
import org.agora.shared.api.JsonApi;
import org.agora.shared.api.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for bots and integrations: read threads and posts (anyone), start threads and post (a personal
 * token with the WRITE scope, see {@code SecurityConfig.apiChain}). Writes go through {@link DebateService},
 * so the same validation, sanitizing and rate limits apply as in the browser.
 */
@RestController
@JsonApi
@RequestMapping("/api/v1")
@Tag(name = "threads")
@ApiResponse(responseCode = "400", description = "invalid request (see `code`)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class ThreadApi {
    static final int DEFAULT_LIMIT = 20;

    private final DebateCatalog catalog;
    private final DebateService debate;
    private final String baseUrl;

    ThreadApi(DebateCatalog catalog, DebateService debate, @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.catalog = catalog;
        this.debate = debate;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/threads")
    @Operation(summary = "List threads, most recent activity first", description = "Keyset paging: pass `next` as `after`.")
    @ApiResponse(responseCode = "200", description = "a page of threads")
    ThreadList threads(@Parameter(description = "cursor from the previous page's `next`") @RequestParam(required = false) String after,
                       @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int limit,
                       @Parameter(description = "category slug") @RequestParam(required = false) String category,
                       @Parameter(description = "tag") @RequestParam(required = false) String tag) {
        checkLimit(limit);
        Long categoryId = category == null || category.isBlank() ? null : catalog.categoryBySlug(category.strip())
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "api.unknownCategory", category)).id();
        var cursor = Cursor.decode(after);
        var topics = catalog.topicsByActivityAfter(categoryId, tag, cursor == null ? null : cursor.at(),
                cursor == null ? 0 : cursor.id(), limit + 1);
        var page = topics.subList(0, Math.min(limit, topics.size()));
        String next = topics.size() > limit ? new Cursor(page.getLast().lastActivityAt(), page.getLast().id()).encode() : null;
        return new ThreadList(page.stream().map(t -> ThreadItem.of(t, baseUrl)).toList(), next);
    }

    @GetMapping("/threads/{id}")
    @Operation(summary = "A thread and a page of its posts, oldest first")
    @ApiResponse(responseCode = "200", description = "the thread")
    @ApiResponse(responseCode = "404", description = "no such thread", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ThreadDetails thread(@PathVariable long id,
                         @Parameter(description = "cursor from the previous page's `next`") @RequestParam(required = false) String after,
                         @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int limit) {
        checkLimit(limit);
        var topic = catalog.find(id).filter(t -> !t.withheld())
                .orElseThrow(() -> new DebateException(null, "topic.notFound"));
        return details(topic, Cursor.decode(after), limit);
    }

    @PostMapping("/threads")
    @Operation(summary = "Start a thread with an opening post", security = @SecurityRequirement(name = ApiDocs.TOKEN))
    @ApiResponse(responseCode = "201", description = "the new thread; Location is its API address")
    @ApiResponse(responseCode = "401", description = "no token, or an unknown or revoked one", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "the token has the READ scope only", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "posting too fast; see Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ResponseEntity<ThreadDetails> startThread(@RequestBody NewThread request) {
        var category = catalog.categoryBySlug(request.category() == null ? "" : request.category().strip())
                .orElseThrow(() -> new DebateException("category", "topic.categoryRequired"));
        Topic topic = debate.startTopic(request.title(), category.id(), request.tags(), stance(request.stance()),
                request.body(), request.clientKey());
        return ResponseEntity.created(URI.create("/api/v1/threads/" + topic.id()))
                .body(details(topic, null, DEFAULT_LIMIT));
    }

    @PostMapping("/threads/{id}/posts")
    @Operation(summary = "Post in a thread, or reply to a post in it",
            security = @SecurityRequirement(name = ApiDocs.TOKEN))
    @ApiResponse(responseCode = "201", description = "the new post (or the first one sent with this clientKey)")
    @ApiResponse(responseCode = "404", description = "no such thread", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "no token, or an unknown or revoked one", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "the token has the READ scope only", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "posting too fast; see Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ResponseEntity<PostItem> post(@PathVariable long id, @RequestBody NewPost request) {
        var post = debate.post(id, request.parentId(), stance(request.stance()), relation(request.relation()),
                request.body(), request.clientKey());
        return ResponseEntity.status(HttpStatus.CREATED).body(PostItem.of(post));
    }

    private ThreadDetails details(Topic topic, Cursor after, int limit) {
        var posts = catalog.timelineAfter(topic.id(), after == null ? null : after.at(), after == null ? 0 : after.id(),
                limit + 1);
        var page = posts.subList(0, Math.min(limit, posts.size()));
        String next = posts.size() > limit ? new Cursor(page.getLast().createdAt(), page.getLast().id()).encode() : null;
        List<PostItem> items = page.stream().map(PostItem::of).toList();
        return ThreadDetails.of(topic, baseUrl, items, next);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > DebateCatalog.MAX_PAGE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "api.limitRange", 1, DebateCatalog.MAX_PAGE);
        }
    }

    static Stance stance(String value) {
        try {
            return value == null ? null : Stance.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DebateException("stance", "post.stanceRequired");
        }
    }

    static Relation relation(String value) {
        try {
            return value == null || value.isBlank() ? null : Relation.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DebateException("relation", "post.relationRequired");
        }
    }
}
