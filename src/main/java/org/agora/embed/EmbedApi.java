package org.agora.embed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.UUID;
import org.agora.embed.WidgetJson.EmbeddedPoll;
import org.agora.embed.WidgetJson.ReaderBallot;
import org.agora.embed.WidgetJson.VoterToken;
import org.agora.poll.Ballot;
import org.agora.poll.EmbedSettings;
import org.agora.poll.Poll;
import org.agora.poll.PollEmbedding;
import org.agora.poll.PollException;
import org.agora.poll.PollInsights;
import org.agora.poll.PollResults;
import org.agora.poll.PollService;
import org.agora.poll.PollStatus;
import org.agora.poll.VoterSides;
import org.agora.shared.api.ApiException;
import org.agora.shared.api.JsonApi;
import org.agora.shared.api.Problem;
import org.agora.shared.web.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The embedded widget's API: the poll as a widget shows it, anonymous voter tokens, readers' ballots and live
 * tallies (Server-Sent Events). Stateless (no session, no cookie, see {@link EmbedSecurity}); cross-origin calls only
 * from the poll's allowed origins ({@link EmbedCors}). Members vote on Agora itself, never through the widget.
 */
@RestController
@JsonApi
@RequestMapping("/api/v1/polls")
@Tag(name = "embedded polls")
@ApiResponse(responseCode = "404", description = "no such poll, or not embeddable (`embed.off`)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class EmbedApi {
    static final String TOKEN_HEADER = "Agora-Voter-Token";

    private final PollService polls;
    private final PollEmbedding embedding;
    private final PollInsights insights;
    private final VoterTokens tokens;
    private final EmbedThrottle throttle;
    private final LiveTallies live;
    private final Clock clock;
    private final String baseUrl;

    EmbedApi(PollService polls, PollEmbedding embedding, PollInsights insights, VoterTokens tokens,
             EmbedThrottle throttle, LiveTallies live, Clock clock,
             @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.polls = polls;
        this.embedding = embedding;
        this.insights = insights;
        this.tokens = tokens;
        this.throttle = throttle;
        this.live = live;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/{id}/widget")
    @Operation(summary = "The poll as an embedded widget shows it",
            description = "Members' and readers' results apart, if the poll's rules let a reader see them now; send the "
                    + "reader's voter token in the `Agora-Voter-Token` header to learn whether it voted.")
    @ApiResponse(responseCode = "200", description = "the poll")
    EmbeddedPoll widget(@PathVariable long id,
                        @Parameter(description = "also the split by debate side and the top argument per side")
                        @RequestParam(defaultValue = "false") boolean arguments,
                        @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                        HttpServletRequest request) {
        Poll poll = embeddable(id);
        if (token == null || token.isBlank()) {
            token = VoterCookie.token(request, id).orElse(null);
        }
        boolean voted = reader(token, id).map(r -> embedding.hasVoted(id, r)).orElse(false);
        return view(poll, voted, arguments);
    }

    @PostMapping("/{id}/voter-token")
    @Operation(summary = "A new anonymous voter token for this poll",
            description = "Only while the poll takes readers' ballots. Keep it (the widget uses localStorage) and send it "
                    + "with the ballot; it is good for this poll only, for 30 days, and for one ballot. It is also set as "
                    + "a cookie for this poll's API only (`Secure; HttpOnly; SameSite=None; Partitioned`), which the API "
                    + "reads when a request carries no token; a request whose cookie holds a valid token gets that one back.")
    @ApiResponse(responseCode = "201", description = "a new token (and its cookie)")
    @ApiResponse(responseCode = "200", description = "the token this browser's cookie already held for the poll")
    @ApiResponse(responseCode = "409", description = "the poll is closed or takes no anonymous ballots", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "too many tokens from this address; see Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ResponseEntity<VoterToken> voterToken(@PathVariable long id, HttpServletRequest request) {
        Poll poll = embeddable(id);
        requireAnonymousOpen(poll);
        var kept = VoterCookie.token(request, id).flatMap(t -> tokens.read(t, id));
        if (kept.isPresent()) { // the widget lost its copy (storage cleared or partitioned): the cookie still has it
            return ResponseEntity.ok(new VoterToken(kept.get().token(), kept.get().expiresAt()));
        }
        throttle.token(ClientAddress.of(request));
        var issued = tokens.issue(id);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.SET_COOKIE, VoterCookie.header(id, issued.token(), issued.expiresAt(), clock.instant()))
                .body(new VoterToken(issued.token(), issued.expiresAt()));
    }

    @PostMapping("/{id}/ballots")
    @Operation(summary = "A reader's anonymous ballot",
            description = "`{\"token\": \"v1....\", \"options\": [optionId, ...]}` or `{\"token\": ..., \"value\": n}`. One "
                    + "ballot per token: a second one is refused (409 `embed.alreadyVoted`). Members vote on Agora.")
    @ApiResponse(responseCode = "201", description = "counted; the poll as the widget now shows it")
    @ApiResponse(responseCode = "400", description = "invalid ballot (see `code`)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "no voter token (`embed.tokenRequired`), or a forged, expired or other poll's one (`embed.tokenInvalid`)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "this token voted already, or the poll is closed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "too many ballots from this address or on this poll; see Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    ResponseEntity<EmbeddedPoll> ballot(@PathVariable long id, @RequestBody(required = false) ReaderBallot body,
                                        @RequestParam(defaultValue = "false") boolean arguments,
                                        HttpServletRequest request) {
        if (body == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "embed.tokenRequired");
        }
        String token = body.token() != null && !body.token().isBlank() ? body.token()
                : VoterCookie.token(request, id).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "embed.tokenRequired"));
        UUID reader = tokens.verify(token, id)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "embed.tokenInvalid"));
        Poll poll = embeddable(id);
        throttle.ballot(ClientAddress.of(request), id);
        if (body.options() != null && body.options().stream().anyMatch(Objects::isNull)) {
            throw new PollException("ballot.unknownOption");
        }
        if (!embedding.castReaderBallot(id, reader, new Ballot(body.options(), body.value()))) {
            throw new ApiException(HttpStatus.CONFLICT, "embed.alreadyVoted");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(poll, true, arguments));
    }

    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live tallies (Server-Sent Events)",
            description = "Event `tally`: `{\"members\": Tally, \"readers\": Tally}` when readers may see results, else "
                    + "`{}` (fetch the widget JSON again with your token). At most 4 events per second per poll, from "
                    + "votes on any node; a comment every 20 s keeps the connection open.")
    @ApiResponse(responseCode = "200", description = "the event stream", content = @Content(mediaType = "text/event-stream"))
    SseEmitter events(@PathVariable long id) {
        embeddable(id);
        return live.open(id);
    }

    /** The poll if it exists, is published and embeddable; else 404 (a draft or unknown poll says the same). */
    private Poll embeddable(long id) {
        Poll poll = polls.published(id).orElseThrow(() -> new PollException("poll.notFound"));
        if (!embedding.settings(id).embeddable()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "embed.off");
        }
        return poll;
    }

    private void requireAnonymousOpen(Poll poll) {
        if (!embedding.settings(poll.id()).anonymousVoting()) {
            throw new ApiException(HttpStatus.CONFLICT, "embed.anonymousOff");
        }
        if (!poll.acceptsBallotsAt(clock.instant())) {
            throw new ApiException(HttpStatus.CONFLICT, "poll.closed");
        }
    }

    private java.util.Optional<UUID> reader(String token, long pollId) {
        return token == null || token.isBlank() ? java.util.Optional.empty() : tokens.verify(token.strip(), pollId);
    }

    EmbeddedPoll view(Poll poll, boolean voted, boolean withArguments) {
        long id = poll.id();
        EmbedSettings s = embedding.settings(id);
        var now = clock.instant();
        String status = poll.status() == PollStatus.OPEN && poll.closedAt(now) ? "CLOSED" : poll.status().name();
        PollResults members = embedding.memberResults(poll, voted).orElse(null);
        boolean shown = members != null;
        String hidden = shown ? null : hiddenReason(poll, s, now);
        var options = poll.options().stream()
                .map(o -> new WidgetJson.Option(o.id(), o.hidden() ? "—" : o.label(), o.other())).toList();
        java.util.List<WidgetJson.SideGroup> stances = null;
        java.util.Map<String, WidgetJson.Argument> arguments = null;
        if (withArguments && poll.topicId() != null) {
            if (shown) {
                stances = insights.stanceSplit(id).map(split -> split.groups().stream()
                        .filter(g -> g.side() != VoterSides.Side.NONE)
                        .map(g -> new WidgetJson.SideGroup(g.side().name(), g.voters(), g.shown(),
                                g.shown() ? g.counts() : java.util.Map.<String, Long>of()))
                        .toList()).orElse(null);
            }
            arguments = new LinkedHashMap<>();
            for (var e : embedding.topArguments(poll).entrySet()) {
                arguments.put(e.getKey().name(), new WidgetJson.Argument(e.getValue().excerpt(), e.getValue().convincing(),
                        baseUrl + "/threads/" + poll.topicId() + "#post-" + e.getValue().postId()));
            }
        }
        var readers = shown ? embedding.readerTally(id) : null;
        return new EmbeddedPoll(id, poll.kind(), poll.question(), status, s.embeddable(), s.anonymousVoting(),
                s.anonymousVoting() && poll.acceptsBallotsAt(now), voted, options, poll.minChoices(), poll.maxChoices(),
                poll.scaleMin(), poll.scaleMax(), poll.scaleStep(), poll.scaleLowLabel(), poll.scaleHighLabel(),
                baseUrl + "/polls/" + id, poll.topicId() == null ? null : baseUrl + "/threads/" + poll.topicId(), hidden,
                shown ? WidgetJson.Tally.of(members.voters(), members.counts()) : null,
                readers == null ? null : WidgetJson.Tally.of(readers.voters(), readers.counts()), stances, arguments);
    }

    private static String hiddenReason(Poll poll, EmbedSettings s, java.time.Instant now) {
        return switch (poll.visibility()) {
            case AFTER_CLOSE -> "poll.resultsHidden.afterClose";
            case MODERATORS -> "poll.resultsHidden.moderators";
            case AFTER_VOTING, ALWAYS -> "poll.resultsHidden.afterVoting";
        };
    }
}
