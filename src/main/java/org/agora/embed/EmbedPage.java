package org.agora.embed;

import org.agora.poll.EmbedSettings;
import org.agora.poll.Poll;
import org.agora.poll.PollEmbedding;
import org.agora.poll.PollService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /embed/poll/{id}}: a small server-rendered page (not a Vaadin view) that hosts the widget, for sites that
 * embed with an iframe. It may be framed only by the poll's allowed origins ({@code frame-ancestors}); a poll that is
 * not embeddable keeps {@code 'none'}. Agora itself ({@code 'self'}) may frame it too, for the Embed dialog's preview. In a frame, the widget posts its height to the parent
 * ({@code {type: "agora-poll:resize", poll, height}}) so the host page can size the iframe (README has the snippet).
 */
@Controller
class EmbedPage {
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private final PollService polls;
    private final PollEmbedding embedding;

    EmbedPage(PollService polls, PollEmbedding embedding) {
        this.polls = polls;
        this.embedding = embedding;
    }

    @GetMapping("/embed/poll/{id:[0-9]{1,18}}")
    @ResponseBody
    ResponseEntity<String> page(@PathVariable long id, @RequestParam(required = false) String lang,
                                @RequestParam(defaultValue = "false") boolean arguments) {
        String language = "de".equals(lang) ? "de" : "en";
        Poll poll = polls.published(id).orElse(null);
        EmbedSettings settings = poll == null ? EmbedSettings.off(id) : embedding.settings(id);
        if (poll == null || !settings.embeddable()) {
            String message = "de".equals(language) ? "Diese Umfrage kann nicht eingebettet werden." : "This poll cannot be embedded.";
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                    .cacheControl(CacheControl.noStore())
                    .body("<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><title>Agora</title>"
                            + "<meta name=\"robots\" content=\"noindex\"></head><body style=\"font:14px system-ui,sans-serif\">"
                            + "<p role=\"status\">" + message + "</p></body></html>");
        }
        String policy = String.join("; ", "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                "connect-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'",
                "frame-ancestors " + (settings.anyOrigin() ? "*" : "'self' " + settings.frameAncestors()));
        String html = """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s · Agora</title>
                <script type="module" src="/widget/agora-poll.js"></script>
                </head><body style="margin:0">
                <agora-poll poll="%d" lang="%s" framed%s></agora-poll>
                </body></html>
                """.formatted(language, HtmlUtils.htmlEscape(poll.question()), id, language, arguments ? " show-arguments" : "");
        return ResponseEntity.ok().contentType(HTML).header("Content-Security-Policy", policy)
                .cacheControl(CacheControl.noCache()).body(html);
    }
}
