package org.agora.poll.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.agora.poll.Ballot;
import org.agora.poll.Poll;
import org.agora.poll.PollCatalog;
import org.agora.poll.PollException;
import org.agora.poll.PollResults;
import org.agora.poll.PollService;
import org.agora.poll.api.PollJson.BallotItem;
import org.agora.poll.api.PollJson.NewBallot;
import org.agora.poll.api.PollJson.PollDetails;
import org.agora.poll.api.PollJson.PollItem;
import org.agora.poll.api.PollJson.PollList;
import org.agora.poll.api.PollJson.ResultsItem;
import org.agora.shared.api.ApiDocs;
import org.agora.shared.api.ApiException;
import org.agora.shared.api.JsonApi;
import org.agora.shared.api.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for polls and forecasts: read polls and, where the poll's visibility rule allows, their results
 * (anyone; JSON or CSV); vote, change and retract a ballot (a personal token with the WRITE scope, see
 * {@code SecurityConfig.apiChain}). Everything goes through {@link PollService}, so the same validation,
 * visibility rules and rate limits apply as in the browser. Individual ballots are never shown, except the
 * caller's own.
 */
@RestController
@JsonApi
@RequestMapping("/api/v1/polls")
@Tag(name = "polls")
@ApiResponse(responseCode = "400", description = "invalid request (see `code`)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class PollApi {
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PollService polls;
    private final PollCatalog catalog;
    private final Clock clock;
    private final String baseUrl;

    PollApi(PollService polls, PollCatalog catalog, Clock clock,
            @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.polls = polls;
        this.catalog = catalog;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping
    @Operation(summary = "List polls, newest first")
    @ApiResponse(responseCode = "200", description = "the polls")
    PollList list(@Parameter(description = "open (taking ballots), closed (closed or resolved) or all")
                  @RequestParam(defaultValue = "all") String status,
                  @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > PollCatalog.MAX_PAGE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "api.limitRange", 1, PollCatalog.MAX_PAGE);
        }
        PollCatalog.Filter filter = switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> PollCatalog.Filter.OPEN;
            case "closed" -> PollCatalog.Filter.CLOSED;
            case "all" -> PollCatalog.Filter.ALL;
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "poll.statusFilter");
        };
        var now = clock.instant();
        return new PollList(catalog.latest(filter, limit).stream().map(p -> PollItem.of(p, now, baseUrl)).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A poll, with its results if you may see them now",
            description = "Results are null while the poll's visibility rule hides them; `resultsHidden` says why.")
    @ApiResponse(responseCode = "200", description = "the poll")
    @ApiResponse(responseCode = "404", description = "no such poll", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    PollDetails poll(@PathVariable long id) {
        return details(find(id));
    }

    @GetMapping("/{id}/results.csv")
    @Operation(summary = "The results as CSV: answer, count, percent (of voters)",
            description = "Cells a spreadsheet would run as a formula are prefixed with a single quote.")
    @ApiResponse(responseCode = "200", description = "the results",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "the results are hidden from you now (`code` says why)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such poll", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ResponseEntity<byte[]> resultsCsv(@PathVariable long id) {
        Poll poll = find(id);
        PollResults results = polls.results(id)
                .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, hiddenReason(poll)));
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("poll-" + id + "-results.csv").build().toString())
                .body(ResultsCsv.of(ResultsItem.of(results).answers()).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{id}/ballot")
    @Operation(summary = "Vote, or change your ballot", security = @SecurityRequirement(name = ApiDocs.TOKEN),
            description = "`{\"options\": [optionId, ...]}` (ranked: most preferred first) or `{\"value\": n}`.")
    @ApiResponse(responseCode = "200", description = "the poll, with the results if you may now see them")
    @ApiResponse(responseCode = "401", description = "no token, or an unknown or revoked one", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "the token has the READ scope only", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such poll", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the poll is closed (`poll.closed`)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "voting too fast; see Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    PollDetails vote(@PathVariable long id, @RequestBody NewBallot request) {
        find(id);
        if (request.options() != null && request.options().stream().anyMatch(Objects::isNull)) {
            throw new PollException("ballot.unknownOption");
        }
        polls.vote(id, new Ballot(request.options(), request.value()), request.other());
        return details(find(id));
    }

    @DeleteMapping("/{id}/ballot")
    @Operation(summary = "Retract your ballot", security = @SecurityRequirement(name = ApiDocs.TOKEN))
    @ApiResponse(responseCode = "204", description = "retracted")
    @ApiResponse(responseCode = "401", description = "no token, or an unknown or revoked one", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "the token has the READ scope only", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such poll, or you have no ballot in it (`ballot.none`)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the poll is closed (`poll.closed`)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ResponseEntity<Void> retract(@PathVariable long id) {
        find(id);
        if (!polls.retract(id)) {
            throw new PollException("ballot.none");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/ballot")
    @Operation(summary = "Your own ballot", security = @SecurityRequirement(name = ApiDocs.TOKEN))
    @ApiResponse(responseCode = "200", description = "your ballot")
    @ApiResponse(responseCode = "401", description = "no token, or an unknown or revoked one", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such poll, or you have no ballot in it (`ballot.none`)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    BallotItem myBallot(@PathVariable long id) {
        find(id);
        return polls.myBallot(id).map(b -> BallotItem.of(id, b)).orElseThrow(() -> new PollException("ballot.none"));
    }

    /** The poll as this caller may see it: drafts are not found except by staff. */
    private Poll find(long id) {
        return polls.find(id).orElseThrow(() -> new PollException("poll.notFound"));
    }

    private PollDetails details(Poll poll) {
        PollResults results = polls.results(poll.id()).orElse(null);
        return PollDetails.of(poll, clock.instant(), baseUrl, results, results == null ? hiddenReason(poll) : null);
    }

    /** The message key that says when this poll's results will show. */
    static String hiddenReason(Poll poll) {
        return switch (poll.visibility()) {
            case AFTER_VOTING -> "poll.resultsHidden.afterVoting";
            case AFTER_CLOSE -> "poll.resultsHidden.afterClose";
            case MODERATORS -> "poll.resultsHidden.moderators";
            case ALWAYS -> "poll.resultsHidden";
        };
    }
}
