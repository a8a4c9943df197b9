package org.agora.shared.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.AttributePolicy;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a member's Markdown post into HTML that is safe to insert into a page, and into plain-text excerpts.
 *
 * <p>Rendering happens in two independent layers, so a mistake in one is caught by the other:
 * <ol>
 *   <li><b>commonmark</b> parses CommonMark plus GFM strikethrough ({@code ~~x~~}) and bare-URL autolinks.
 *       Raw HTML in the input is never passed through: it is rendered as escaped, visible text. Link
 *       destinations with a scheme other than http, https or mailto are blanked. Images are not rendered at
 *       all; their alt text stays as plain text. {@code @username} mentions in ordinary text become links to
 *       {@code /u/username} (rewritten on the syntax tree, so code spans, code blocks and existing links are
 *       left alone).</li>
 *   <li>The <b>OWASP Java HTML Sanitizer</b> then filters the result through a strict allowlist: {@code p br hr
 *       em strong del s code pre blockquote ul ol li h1-h6 a}. The only attributes kept are {@code a href}
 *       (absolute http/https/mailto URLs, or site-relative paths starting with a single {@code /}),
 *       {@code a target="_blank"} (set on external http/https links), {@code a class="mention"} and
 *       {@code ol start}. Every link gets {@code rel="nofollow ugc noopener noreferrer"}.</li>
 * </ol>
 *
 * <p>All methods are static, side-effect free and thread-safe (the parser, renderer and policy are immutable
 * and shared). Input longer than {@link #MAX_INPUT_CHARS} is rejected with an
 * {@link IllegalArgumentException}; callers are expected to validate the length earlier and show a proper
 * message, this is only a backstop against pathological input.
 */
public final class Markdown {

    /** Longest input (in UTF-16 chars) accepted by any method of this class. */
    public static final int MAX_INPUT_CHARS = 100_000;

    /** A mention: {@code @} not preceded by a word char, {@code @} or {@code /}, then a valid username. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@/])@([A-Za-z0-9_]{3,20})\\b");

    private static final String MENTION_PATH = "/u/";
    private static final String MENTION_CLASS = "mention";

    private static final List<String> LINK_RELS = List.of("nofollow", "ugc", "noopener", "noreferrer");

    /** Absolute URLs with one of the allowed schemes; matched case-insensitively, after entity decoding. */
    private static final Pattern ABSOLUTE_HREF = Pattern.compile("(?i)^(?:https?://|mailto:)[^\\s]+$");
    /** Site-relative paths: one {@code /} not followed by another slash or a backslash (browsers read
     * {@code //host} and {@code /\host} as a link to another host). */
    private static final Pattern RELATIVE_HREF = Pattern.compile("^/(?![/\\\\])[^\\s]*$");
    private static final Pattern EXTERNAL_DESTINATION = Pattern.compile("(?i)^https?://.*");

    private static final List<Extension> EXTENSIONS = List.of(
            StrikethroughExtension.create(),
            AutolinkExtension.create());

    // Post-processors run in registration order: autolink's (added by extensions()) before ours, so the
    // mention pass sees autolinked URLs and e-mail addresses as links and leaves them alone.
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .postProcessor(new PostTreeProcessor())
            .build();

    private static final AttributeProvider LINK_ATTRIBUTES = (node, tagName, attributes) -> {
        if (node instanceof Link link && "a".equals(tagName)) {
            if (isMentionLink(link)) {
                attributes.put("class", MENTION_CLASS);
            } else if (link.getDestination() != null
                    && EXTERNAL_DESTINATION.matcher(link.getDestination()).matches()) {
                attributes.put("target", "_blank");
            }
        }
    };

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .percentEncodeUrls(true)
            // commonmark's default list also allows "data"; we do not
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> LINK_ATTRIBUTES)
            .build();

    private static final AttributePolicy HREF_POLICY = (element, attribute, value) ->
            ABSOLUTE_HREF.matcher(value).matches() || RELATIVE_HREF.matcher(value).matches() ? value : null;

    /** Keeps {@code a} only while it still has an {@code href} (attribute policies have run by then). */
    private static final ElementPolicy LINK_WITH_HREF = (elementName, attributes) -> {
        for (int i = 0; i < attributes.size(); i += 2) {
            if ("href".equals(attributes.get(i))) {
                return elementName;
            }
        }
        return null;
    };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote",
                    "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6")
            .allowElements(LINK_WITH_HREF, "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(HREF_POLICY).onElements("a")
            .allowAttributes("target").matching(true, "_blank").onElements("a")
            .allowAttributes("class").matching(Pattern.compile(MENTION_CLASS)).onElements("a")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .requireRelsOnLinks(LINK_RELS.toArray(String[]::new))
            .toFactory();

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final String ELLIPSIS = "…";

    private Markdown() {
    }

    /**
     * Renders Markdown to sanitized HTML, safe to insert into a page as is.
     *
     * @param markdown the member's text; {@code null} renders as {@code ""}
     * @return an HTML fragment using only the allowlisted elements and attributes
     * @throws IllegalArgumentException if the input is longer than {@link #MAX_INPUT_CHARS}
     */
    public static String toHtml(String markdown) {
        if (markdown == null) {
            return "";
        }
        checkLength(markdown);
        return sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** The second layer on its own: filters any HTML through the allowlist. Package-private for tests. */
    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /**
     * The distinct usernames mentioned with {@code @username} in ordinary text (not in code or inside links),
     * lower-cased, in order of first appearance; exactly those rendered as mention links by {@link #toHtml}.
     *
     * @param markdown the member's text; {@code null} mentions nobody
     * @return an unmodifiable set of lower-cased usernames
     * @throws IllegalArgumentException if the input is longer than {@link #MAX_INPUT_CHARS}
     */
    public static Set<String> mentions(String markdown) {
        if (markdown == null) {
            return Set.of();
        }
        checkLength(markdown);
        var names = new LinkedHashSet<String>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (isMentionLink(link)) {
                    names.add(link.getDestination().substring(MENTION_PATH.length()).toLowerCase(Locale.ROOT));
                }
            }
        });
        return Collections.unmodifiableSet(names);
    }

    /**
     * A plain-text excerpt for feeds, notifications and search snippets: the rendered text without any
     * markup, whitespace collapsed to single spaces, cut at a word boundary with a trailing "…" if longer
     * than {@code maxChars} (counted in code points, including the "…").
     *
     * <p>The result is plain text, <em>not</em> HTML: it may contain {@code <} or {@code &} (for instance
     * when a member wrote about HTML) and must be escaped like any other text when shown.
     *
     * @param markdown the member's text; {@code null} gives {@code ""}
     * @param maxChars the longest result wanted, at least 1
     * @throws IllegalArgumentException if {@code maxChars < 1} or the input is longer than
     *                                  {@link #MAX_INPUT_CHARS}
     */
    public static String toPlainText(String markdown, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        if (markdown == null) {
            return "";
        }
        checkLength(markdown);
        var text = new StringBuilder(markdown.length());
        appendPlainText(PARSER.parse(markdown), text);
        return truncate(WHITESPACE.matcher(text).replaceAll(" ").strip(), maxChars);
    }

    /**
     * Appends the text {@link #toHtml} would show for this node: text, code and (escaped, hence visible) raw
     * HTML literally, link and image-alt text without their URLs, blocks and line breaks as spaces.
     */
    private static void appendPlainText(Node node, StringBuilder out) {
        switch (node) {
            case Text text -> out.append(text.getLiteral());
            case Code code -> out.append(code.getLiteral());
            case HtmlInline html -> out.append(html.getLiteral());
            case FencedCodeBlock code -> out.append(' ').append(code.getLiteral()).append(' ');
            case IndentedCodeBlock code -> out.append(' ').append(code.getLiteral()).append(' ');
            case HtmlBlock html -> out.append(' ').append(html.getLiteral()).append(' ');
            case SoftLineBreak br -> out.append(' ');
            case HardLineBreak br -> out.append(' ');
            case LinkReferenceDefinition definition -> out.append(' ');
            default -> {
                boolean block = node instanceof Block;
                if (block) {
                    out.append(' ');
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    appendPlainText(child, out);
                }
                if (block) {
                    out.append(' ');
                }
            }
        }
    }

    private static String truncate(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        int keep = maxChars - 1; // room for the ellipsis
        int end = text.offsetByCodePoints(0, keep);
        if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            int space = text.lastIndexOf(' ', end);
            if (space > 0) {
                end = space; // drop the word that would be cut in half
            }
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static void checkLength(String markdown) {
        if (markdown.length() > MAX_INPUT_CHARS) {
            throw new IllegalArgumentException(
                    "Markdown input too long: " + markdown.length() + " > " + MAX_INPUT_CHARS + " chars");
        }
    }

    /** A link to {@code /u/name} whose only content is the text {@code @name}: what a mention becomes. */
    private static boolean isMentionLink(Link link) {
        String destination = link.getDestination();
        if (destination == null || !destination.startsWith(MENTION_PATH) || link.getTitle() != null) {
            return false;
        }
        Node child = link.getFirstChild();
        if (!(child instanceof Text text) || child.getNext() != null) {
            return false;
        }
        String name = destination.substring(MENTION_PATH.length());
        Matcher m = MENTION.matcher(text.getLiteral());
        return m.matches() && m.group(1).equals(name);
    }

    /**
     * Rewrites the parsed tree: images become their alt text, then {@code @name} in plain {@link Text}
     * nodes (never inside links; code spans and code blocks hold no {@code Text} nodes) is split into text
     * and mention {@link Link} nodes. Stateless, so one instance serves all threads.
     */
    private static final class PostTreeProcessor implements PostProcessor {
        @Override
        public Node process(Node document) {
            removeImages(document);
            mergeAdjacentTexts(document);
            linkMentions(document);
            return document;
        }

        private static void removeImages(Node document) {
            var images = new ArrayList<Image>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Image image) {
                    images.add(image);
                    visitChildren(image);
                }
            });
            // an image nested in another's alt text is moved out with it and so still handled in turn
            for (Image image : images) {
                Node child = image.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    image.insertBefore(child);
                    child = next;
                }
                image.unlink();
            }
        }

        /**
         * commonmark splits text at delimiter characters even when they make no emphasis ("@m_1_2" becomes
         * "@m", "_1", "_2"): join neighbouring text nodes so a mention is seen whole.
         */
        private static void mergeAdjacentTexts(Node document) {
            var texts = new ArrayList<Text>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    texts.add(text);
                }
            });
            for (Text text : texts) {
                if (text.getParent() == null) {
                    continue; // already merged into its predecessor
                }
                while (text.getNext() instanceof Text next) {
                    text.setLiteral(text.getLiteral() + next.getLiteral());
                    next.unlink();
                }
            }
        }

        private static void linkMentions(Node document) {
            var texts = new ArrayList<Text>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    // existing links (including autolinked URLs and e-mail addresses) stay as they are
                }

                @Override
                public void visit(Text text) {
                    texts.add(text);
                }
            });
            texts.forEach(PostTreeProcessor::splitMentions);
        }

        private static void splitMentions(Text text) {
            String literal = text.getLiteral();
            Matcher m = MENTION.matcher(literal);
            int last = 0;
            Node cursor = text;
            while (m.find()) {
                if (m.start() > last) {
                    cursor = insertAfter(cursor, new Text(literal.substring(last, m.start())));
                }
                var link = new Link(MENTION_PATH + m.group(1), null);
                link.appendChild(new Text(m.group()));
                cursor = insertAfter(cursor, link);
                last = m.end();
            }
            if (cursor == text) {
                return; // no mention in this node
            }
            if (last < literal.length()) {
                insertAfter(cursor, new Text(literal.substring(last)));
            }
            text.unlink();
        }

        private static Node insertAfter(Node anchor, Node node) {
            anchor.insertAfter(node);
            return node;
        }
    }
}
