package org.agora.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.poll.Poll;
import org.agora.poll.PollEmbedding;
import org.agora.poll.PollService;
import org.agora.shared.api.ApiException;
import org.agora.shared.api.JsonApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * oEmbed (https://oembed.com) for poll pages: {@code /oembed?url=<agora>/polls/42&format=json} answers a {@code rich}
 * response whose HTML is the iframe of {@code /embed/poll/42}. Per the spec: 404 for a URL that is not an embeddable
 * poll of this site, 501 for a format other than JSON.
 */
@RestController
@JsonApi
class OEmbedController {
    static final int WIDTH = 560;
    static final int HEIGHT = 440;
    private static final Pattern POLL_PATH = Pattern.compile("^/polls/([0-9]{1,18})/?$");

    private final PollService polls;
    private final PollEmbedding embedding;
    private final URI base;

    OEmbedController(PollService polls, PollEmbedding embedding,
                     @Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.polls = polls;
        this.embedding = embedding;
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    }

    @GetMapping(value = "/oembed", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Map<String, Object>> oembed(@RequestParam String url,
                                               @RequestParam(defaultValue = "json") String format,
                                               @RequestParam(required = false) Integer maxwidth,
                                               @RequestParam(required = false) Integer maxheight) {
        if (!"json".equals(format)) {
            throw new ApiException(HttpStatus.NOT_IMPLEMENTED, "oembed.formatUnsupported");
        }
        long id = pollId(url);
        Poll poll = polls.published(id).filter(p -> embedding.settings(id).embeddable())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "oembed.notEmbeddable"));
        int width = Math.max(200, Math.min(WIDTH, maxwidth == null ? WIDTH : maxwidth));
        int height = Math.max(200, Math.min(HEIGHT, maxheight == null ? HEIGHT : maxheight));
        String src = base + "/embed/poll/" + id;
        var body = new LinkedHashMap<String, Object>();
        body.put("version", "1.0");
        body.put("type", "rich");
        body.put("title", poll.question());
        body.put("provider_name", "Agora");
        body.put("provider_url", base + "/");
        body.put("cache_age", 300);
        body.put("width", width);
        body.put("height", height);
        body.put("html", "<iframe src=\"" + HtmlUtils.htmlEscape(src) + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + HtmlUtils.htmlEscape(poll.question()) + "\" loading=\"lazy\" style=\"border:0;max-width:100%\""
                + " data-agora-poll=\"" + id + "\"></iframe>");
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(body);
    }

    /** The poll id of a poll page URL on this site (its base URL's scheme, host and port), or 404. */
    private long pollId(String url) {
        try {
            URI uri = new URI(url.strip());
            Matcher m = POLL_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (base.getScheme().equalsIgnoreCase(uri.getScheme()) && base.getHost().equalsIgnoreCase(uri.getHost())
                    && base.getPort() == uri.getPort() && m.matches()) {
                return Long.parseLong(m.group(1));
            }
        } catch (URISyntaxException | NullPointerException e) {
            // falls through to 404
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "oembed.notEmbeddable");
    }
}
