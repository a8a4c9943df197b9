package org.agora.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent check of member HTML against the allowlist {@code shared.text.Markdown} promises: only these tags
 * and attributes, links only to http(s), mailto or a site path, and no markup outside the allowed tags.
 */
public final class HtmlAllowlist {
    private static final Set<String> TAGS = Set.of("p", "br", "hr", "em", "strong", "del", "s", "code", "pre",
            "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href", "target", "class", "rel"),
            "ol", Set.of("start"));
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)((?:\\s+[a-z]+=\"[^\"<>]*\")*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+)=\"([^\"]*)\"");
    private static final Pattern SAFE_HREF = Pattern.compile("(?i)^(https?://|mailto:|/(?![/\\\\]))[^\\s]*$");

    private HtmlAllowlist() {
    }

    public static void assertAllowed(String html) {
        var tags = TAG.matcher(html);
        var rest = new StringBuilder();
        int last = 0;
        while (tags.find()) {
            rest.append(html, last, tags.start());
            last = tags.end();
            String name = tags.group(2);
            assertThat(TAGS).as("tag in %s", html).contains(name);
            var attributes = ATTRIBUTE.matcher(tags.group(3));
            while (attributes.find()) {
                assertThat(ATTRIBUTES.getOrDefault(name, Set.of())).as("attribute of <%s> in %s", name, html)
                        .contains(attributes.group(1));
                if (attributes.group(1).equals("href")) {
                    String href = attributes.group(2).replace("&#61;", "=").replace("&amp;", "&").replace("&#43;", "+")
                            .replace("&#64;", "@");
                    assertThat(href).as("link in %s", html).matches(SAFE_HREF);
                }
            }
        }
        rest.append(html.substring(last));
        // the sanitizer puts an empty comment between braces, so that no "{{" reaches a template engine
        assertThat(rest.toString().replace("<!-- -->", "")).as("markup outside the allowed tags in %s", html).doesNotContain("<", ">");
    }
}
