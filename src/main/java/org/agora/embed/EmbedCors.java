package org.agora.embed;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.poll.EmbedSettings;
import org.agora.poll.PollEmbedding;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Cross-origin rules, looked up per request: the widget script and oEmbed may be read from anywhere; a poll's
 * widget API answers only the origins its embed settings allow (all of them if "any origin" was chosen), and no
 * one while embedding is off. Credentials are allowed there for one cookie only, the reader's voter token
 * ({@link VoterCookie}, scoped to the poll's API path); no session cookie is ever read or set on these paths.
 */
@Component
class EmbedCors implements CorsConfigurationSource {
    private static final Pattern POLL_API = Pattern.compile("^/api/v1/polls/([0-9]{1,18})/(widget|voter-token|ballots|events)$");

    private final PollEmbedding embedding;

    EmbedCors(PollEmbedding embedding) {
        this.embedding = embedding;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/widget/") || path.equals("/oembed")) {
            var config = new CorsConfiguration();
            config.setAllowedOrigins(List.of("*"));
            config.setAllowedMethods(List.of("GET", "HEAD"));
            config.setMaxAge(Duration.ofHours(1));
            return config;
        }
        Matcher api = POLL_API.matcher(path);
        if (!api.matches()) {
            return null;
        }
        EmbedSettings settings = embedding.settings(Long.parseLong(api.group(1)));
        var config = new CorsConfiguration();
        // credentials only for the reader's voter cookie (scoped to this poll's API): the origin is named, never "*"
        if (!settings.embeddable()) {
            config.setAllowedOrigins(List.of());
        } else if (settings.anyOrigin()) {
            config.setAllowedOriginPatterns(List.of("*"));
        } else {
            config.setAllowedOrigins(settings.origins());
        }
        config.setAllowedMethods(List.of("GET", "POST"));
        config.setAllowedHeaders(List.of("Content-Type", EmbedApi.TOKEN_HEADER, "Last-Event-ID"));
        config.setExposedHeaders(List.of("Retry-After"));
        config.setAllowCredentials(true);
        config.setMaxAge(Duration.ofMinutes(10));
        return config;
    }
}
