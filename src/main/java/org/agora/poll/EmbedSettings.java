package org.agora.poll;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * How a poll may be embedded on other websites: off until its author or a moderator turns it on; then framed and
 * called from the listed origins only (or, said explicitly, from any origin). Readers of those sites may vote
 * anonymously only where {@code anonymousVoting} is on; {@code resultsAfterVoting} hides results from a reader
 * until they voted (or the poll closed).
 */
public record EmbedSettings(long pollId, boolean enabled, boolean anyOrigin, List<String> origins,
                            boolean anonymousVoting, boolean resultsAfterVoting) {
    public static final int MAX_ORIGINS = 20;

    public EmbedSettings {
        origins = List.copyOf(origins);
    }

    public static EmbedSettings off(long pollId) {
        return new EmbedSettings(pollId, false, false, List.of(), false, false);
    }

    /** Whether a page of this origin (e.g. {@code https://example.org}) may frame the poll and call its API. */
    public boolean allows(String origin) {
        return enabled && origin != null && (anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT)));
    }

    /** The CSP {@code frame-ancestors} value for the framable page: the origins, {@code *}, or {@code 'none'}. */
    public String frameAncestors() {
        if (!enabled || (!anyOrigin && origins.isEmpty())) {
            return "'none'";
        }
        return anyOrigin ? "*" : String.join(" ", origins);
    }

    /** Whether readers of other sites can see the poll at all (enabled with at least one origin, or any). */
    public boolean embeddable() {
        return enabled && (anyOrigin || !origins.isEmpty());
    }

    /**
     * Origins as typed (one per line, comma or space), checked and normalised: scheme http or https, a host, an
     * optional port, nothing else ({@code https://example.org}, {@code http://localhost:8080}).
     *
     * @throws PollException {@code embed.originInvalid} with the first bad entry, or {@code embed.tooManyOrigins}
     */
    public static List<String> parseOrigins(String text) {
        var result = new LinkedHashSet<String>();
        if (text == null) {
            return List.of();
        }
        for (String raw : text.split("[\\s,]+")) {
            if (raw.isBlank()) {
                continue;
            }
            result.add(origin(raw.strip()));
        }
        if (result.size() > MAX_ORIGINS) {
            throw new PollException("embed.tooManyOrigins", MAX_ORIGINS);
        }
        return new ArrayList<>(result);
    }

    static String origin(String raw) {
        String candidate = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            if (candidate.length() > 200 || candidate.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException();
            }
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getHost().contains("*")) {
                throw new IllegalArgumentException();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new PollException("embed.originInvalid", raw.length() > 60 ? raw.substring(0, 60) + "…" : raw);
        }
    }
}
