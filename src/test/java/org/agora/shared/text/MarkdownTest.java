package org.agora.shared.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class MarkdownTest {

    // ---------------------------------------------------------------- formatting

    @Test
    void emphasis_strong_and_strikethrough_render() {
        assertThat(Markdown.toHtml("*a* **b** ~~c~~"))
                .isEqualTo("<p><em>a</em> <strong>b</strong> <del>c</del></p>\n");
    }

    @Test
    void lists_blockquotes_headings_and_rules_render() {
        String html = Markdown.toHtml("""
                # Title

                - one
                - two

                3. three
                4. four

                > quoted

                ---
                """);

        assertThat(html).contains("<h1>Title</h1>", "<ul>", "<li>one</li>", "<li>two</li>",
                "<ol start=\"3\">", "<li>three</li>", "<blockquote>", "quoted", "<hr />");
    }

    @Test
    void code_block_keeps_script_as_escaped_text_inside_pre_code() {
        String html = Markdown.toHtml("""
                ```html
                <script>alert(1)</script>
                ```
                """);

        assertThat(html).startsWith("<pre><code>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script");
    }

    @Test
    void raw_html_is_shown_as_text_not_interpreted() {
        assertThat(Markdown.toHtml("a <b>bold</b> claim"))
                .isEqualTo("<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n");
    }

    @Test
    void images_do_not_render_but_keep_their_alt_text() {
        assertThat(Markdown.toHtml("look ![a cat](https://example.com/cat.png) here"))
                .isEqualTo("<p>look a cat here</p>\n");
    }

    @Test
    void null_renders_as_empty() {
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toPlainText(null, 10)).isEmpty();
        assertThat(Markdown.mentions(null)).isEmpty();
    }

    @Test
    void input_over_100000_chars_is_rejected() {
        String ok = "a".repeat(Markdown.MAX_INPUT_CHARS);
        String tooLong = ok + "a";

        assertThat(Markdown.toHtml(ok)).startsWith("<p>aaa");
        assertThatThrownBy(() -> Markdown.toHtml(tooLong)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Markdown.mentions(tooLong)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Markdown.toPlainText(tooLong, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renders_the_same_from_many_threads_at_once() {
        List<String> inputs = IntStream.range(0, 400)
                .mapToObj(i -> "**post " + i + "** for @user" + i + " see [t](/threads/" + i + ") `@x" + i + "`")
                .toList();
        List<String> sequential = inputs.stream().map(Markdown::toHtml).toList();

        List<String> parallel = inputs.parallelStream().map(Markdown::toHtml).toList();

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.get(7)).contains("href=\"/u/user7\"", "href=\"/threads/7\"", "<code>&#64;x7</code>");
    }

    // ---------------------------------------------------------------- links

    @Test
    void external_links_get_nofollow_ugc_noopener_and_open_in_a_new_tab() {
        String html = Markdown.toHtml("[source](https://example.com/a?b=c)");

        assertThat(html).contains("href=\"https://example.com/a?b&#61;c\"", "target=\"_blank\"");
        assertThat(relOf(html)).contains("nofollow", "ugc", "noopener", "noreferrer");
    }

    @Test
    void bare_urls_are_autolinked_with_the_same_rels() {
        String html = Markdown.toHtml("see https://example.com/x for details");

        assertThat(html).contains("<a href=\"https://example.com/x\"", "target=\"_blank\"");
        assertThat(relOf(html)).contains("nofollow", "ugc", "noopener", "noreferrer");
    }

    @Test
    void relative_links_to_threads_are_allowed_without_a_new_tab() {
        String html = Markdown.toHtml("[the thread](/threads/1)");

        assertThat(html).contains("href=\"/threads/1\"", ">the thread</a>").doesNotContain("target=");
        assertThat(relOf(html)).contains("nofollow", "ugc", "noopener", "noreferrer");
    }

    @Test
    void mailto_links_are_allowed() {
        assertThat(Markdown.toHtml("[write](mailto:team@example.com)"))
                .contains("href=\"mailto:team&#64;example.com\"");
    }

    @Test
    void other_relative_and_protocol_relative_links_lose_their_href_but_keep_their_text() {
        for (String destination : List.of("threads/1", "#top", "//evil.example/x", "ftp://example.com/f")) {
            String html = Markdown.toHtml("[text](" + destination + ")");

            assertThat(html).as(destination).isEqualTo("<p>text</p>\n");
        }
    }

    // ---------------------------------------------------------------- mentions

    @Test
    void mentions_become_links_to_the_profile() {
        assertThat(Markdown.toHtml("thanks @alice_01, and @Bob!"))
                .isEqualTo("<p>thanks <a href=\"/u/alice_01\" class=\"mention\" "
                        + "rel=\"nofollow ugc noopener noreferrer\">&#64;alice_01</a>, and "
                        + "<a href=\"/u/Bob\" class=\"mention\" rel=\"nofollow ugc noopener noreferrer\">"
                        + "&#64;Bob</a>!</p>\n");
    }

    @Test
    void mentions_work_inside_emphasis_lists_and_quotes() {
        String html = Markdown.toHtml("""
                **@carol** said

                - ask @dave

                > @erin wrote
                """);

        assertThat(html).contains("href=\"/u/carol\"", "href=\"/u/dave\"", "href=\"/u/erin\"");
        assertThat(Markdown.mentions("**@carol** said\n\n- ask @dave\n\n> @erin wrote"))
                .containsExactly("carol", "dave", "erin");
    }

    @Test
    void mentions_are_not_linked_inside_code_spans_or_code_blocks() {
        String markdown = """
                run `@bob` or

                ```
                @carol
                ```

                    @dave indented
                """;

        assertThat(Markdown.toHtml(markdown)).doesNotContain("/u/", "class=\"mention\"")
                .contains("<code>&#64;bob</code>", "&#64;carol", "&#64;dave");
        assertThat(Markdown.mentions(markdown)).isEmpty();
    }

    @Test
    void mentions_are_not_linked_inside_existing_links() {
        String markdown = "[ask @bob](https://example.com) or https://example.com/@carol";

        assertThat(Markdown.toHtml(markdown)).doesNotContain("/u/");
        assertThat(Markdown.mentions(markdown)).isEmpty();
    }

    @Test
    void email_addresses_and_too_short_or_too_long_names_are_not_mentions() {
        String markdown = "mail a@bob.com or x@@carol or @ab or @" + "a".repeat(21) + " or path/@dave";

        assertThat(Markdown.toHtml(markdown)).doesNotContain("/u/");
        assertThat(Markdown.mentions(markdown)).isEmpty();
    }

    @Test
    void mentions_returns_distinct_lower_cased_names_in_order() {
        assertThat(Markdown.mentions("@Alice and @bob and @ALICE, also `@carol` and @dave."))
                .containsExactly("alice", "bob", "dave");
    }

    @Test
    void mentions_inside_image_alt_text_are_still_linked() {
        assertThat(Markdown.mentions("![photo of @alice](https://example.com/a.png)")).containsExactly("alice");
    }

    // ---------------------------------------------------------------- plain text

    @Test
    void plain_text_strips_markup_and_collapses_whitespace() {
        String markdown = """
                # Title

                **Bold** and _italic_ with [a link](/threads/1) and `code`,
                thanks @alice.

                - one
                - two
                """;

        assertThat(Markdown.toPlainText(markdown, 500))
                .isEqualTo("Title Bold and italic with a link and code, thanks @alice. one two");
    }

    @Test
    void plain_text_keeps_what_raw_html_looked_like_as_text() {
        assertThat(Markdown.toPlainText("a <b>x</b> & \"q\" 'y'", 100)).isEqualTo("a <b>x</b> & \"q\" 'y'");
    }

    @Test
    void plain_text_is_cut_on_a_word_boundary_with_an_ellipsis() {
        assertThat(Markdown.toPlainText("one two three four", 100)).isEqualTo("one two three four");
        assertThat(Markdown.toPlainText("one two three four", 18)).isEqualTo("one two three four");
        assertThat(Markdown.toPlainText("one two three four", 17)).isEqualTo("one two three…");
        assertThat(Markdown.toPlainText("one two three four", 10)).isEqualTo("one two…");
        assertThat(Markdown.toPlainText("one two three four", 9)).isEqualTo("one two…");
        assertThat(Markdown.toPlainText("*one* **two** three", 8)).isEqualTo("one two…");
        assertThat(Markdown.toPlainText("unbreakablewordhere", 8)).isEqualTo("unbreak…");
        assertThat(Markdown.toPlainText("one two", 1)).isEqualTo("…");
    }

    @Test
    void plain_text_never_splits_a_surrogate_pair() {
        assertThat(Markdown.toPlainText("😀😀😀😀😀", 3)).isEqualTo("😀😀…");
    }

    @Test
    void plain_text_shows_code_blocks_link_text_and_image_alt_but_no_urls() {
        String markdown = """
                See [this](https://example.com/secret) and ![a chart](https://example.com/c.png)

                ```
                x = 1
                y = 2
                ```

                [ref]: https://example.com/ref
                """;

        assertThat(Markdown.toPlainText(markdown, 500)).isEqualTo("See this and a chart x = 1 y = 2");
    }

    @Test
    void deeply_nested_input_does_not_overflow_the_stack() {
        int half = Markdown.MAX_INPUT_CHARS / 2;
        for (String markdown : List.of(">".repeat(Markdown.MAX_INPUT_CHARS), "- ".repeat(half),
                "*".repeat(half) + "x" + "*".repeat(half - 1), "[".repeat(half - 1) + "x" + "](/a)".repeat(half / 5),
                "<".repeat(Markdown.MAX_INPUT_CHARS), "~~".repeat(half), "**a ".repeat(Markdown.MAX_INPUT_CHARS / 4),
                "1. ".repeat(Markdown.MAX_INPUT_CHARS / 3), "> - ".repeat(Markdown.MAX_INPUT_CHARS / 4),
                "@abc ".repeat(Markdown.MAX_INPUT_CHARS / 5))) {
            assertThat(Markdown.toHtml(markdown)).isNotNull();
            assertThat(Markdown.toPlainText(markdown, 200)).isNotNull();
            assertThat(Markdown.mentions(markdown)).isNotNull();
        }
    }

    @Test
    void plain_text_needs_a_positive_length() {
        assertThatThrownBy(() -> Markdown.toPlainText("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- XSS corpus

    /** Payloads in the style of the OWASP XSS filter evasion cheat sheet, in Markdown and raw HTML. */
    static final List<String> XSS_PAYLOADS = List.of(
            // <script> in many shapes
            "<script>alert(1)</script>",
            "<SCRIPT>alert(1)</SCRIPT>",
            "<ScRiPt>alert(1)</sCrIpT>",
            "<script src=https://evil.example/x.js></script>",
            "<SCRIPT SRC=//evil.example/.j>",
            "<script/xss src=\"http://evil.example/xss.js\"></script>",
            "<script\ttype=\"text/javascript\">alert(1);</script>",
            "<<script>script>alert(1)<</script>/script>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "\"><script>alert(1)</script>",
            "'';!--\"<XSS>=&{()}",
            "<SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>",
            "~~<script>alert(1)</script>~~",
            "**<script>alert(1)</script>**",
            // images and event handlers
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;"
                    + "&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28"
                    + "&#x27&#x58&#x53&#x53&#x27&#x29>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
            "<img src=\"x\" onerror=\"&#97;lert(1)\">",
            "<svg onload=alert(1)>",
            "<svg/onload=alert(1)//",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
            "<body onload=alert(1)>",
            "<marquee onstart=alert(1)>x</marquee>",
            "<video><source onerror=\"alert(1)\"></video>",
            "<xss onafterscriptexecute=alert(1)><script>1</script>",
            "<isindex type=image src=1 onerror=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<math><maction actiontype=\"statusline#http://x\" xlink:href=\"javascript:alert(1)\">CLICKME</maction></math>",
            // frames, forms, plugins
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "> <iframe src=javascript:alert(1)>",
            "<form action=\"javascript:alert(1)\"><input type=submit></form>",
            "<form><button formaction=javascript:alert(1)>X</button></form>",
            "<input onfocus=alert(1) autofocus>",
            "<textarea><script>alert(1)</script></textarea>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
            "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<template><script>alert(1)</script></template>",
            // mutation XSS (parser differentials between sanitizer and browser)
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<a href=\"/ok\" class=\"mention evil\" onclick=\"alert(1)\" style=\"color:red\">t</a>",
            // styles and page-level elements
            "<style>body{background:url(javascript:alert(1))}</style>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<p style=\"background-image:url(javascript:alert(1))\">x</p>",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg\">",
            "<base href=\"javascript:alert(1)//\">",
            "<link rel=\"stylesheet\" href=\"javascript:alert(1)\">",
            // Markdown links with dangerous schemes
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](jav&#x0A;ascript:alert(1))",
            "[click](javascript&colon;alert(1))",
            "[click](javascript&#58;alert(1))",
            "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
            "[click](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116"
                    + "&#0000058alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click](DATA:text/html,<script>alert(1)</script>)",
            "[click](vbscript:msgbox(1))",
            "[click](<javascript:alert(1)>)",
            "[click]( javascript:alert(1) )",
            "[click](javascript://%0Aalert(1))",
            "[click](javascript:alert%281%29)",
            "[click](javascript:alert(1) \"title\")",
            "[click](java\u200Bscript:alert(1))",
            "[click](\u200Bjavascript:alert(1))",
            "[click](\uFEFFjavascript:alert(1))",
            "[click](javascript\uFF1Aalert(1))",
            "[click](\u0001javascript:alert(1))",
            "[click](//evil.example/x)",
            "[click](/\\evil.example/x)",
            "[click](/&#9;/evil.example/x)",
            "[click](/&#10;/evil.example/x)",
            "[click](<https://ok.example/a b>)",
            "[click](https://ok.example/#\"><script>alert(1)</script>)",
            "[click](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
            "[click](https://ok.example/\" onclick=\"alert(1))",
            "[@bob](javascript:alert(1))",
            "* [x](javascript:alert(1))",
            "# [x](vbscript:alert(1))",
            // autolinks
            "<javascript:alert(1)>",
            "<JAVASCRIPT:alert(1)>",
            "<data:text/html,<script>alert(1)</script>>",
            "<vbscript:msgbox(1)>",
            "javascript://%0Aalert(1)",
            "https://example.com/?q=<script>alert(1)</script>",
            "www.example.com/<svg/onload=alert(1)>",
            // reference links
            "[click][ref]\n\n[ref]: javascript:alert(1)",
            "[ref]\n\n[ref]: javascript:alert(1) \"title\"",
            "[click][r]\n\n[r]: <data:text/html,x>",
            "[click][r]\n\n[r]: &#106;avascript:alert(1)",
            // Markdown images must not render at all
            "![x](javascript:alert(1))",
            "![x](https://evil.example/x.png)",
            "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "![x\" onerror=\"alert(1)](https://evil.example/x.png)",
            "[![x](https://evil.example/x.png)](javascript:alert(1))",
            "![x][img]\n\n[img]: https://evil.example/x.png",
            // raw <a> tags
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"  javascript:alert(1)\">x</a>",
            "<a href=\"\u0001javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=//evil.example>x</a>",
            "[<a href=javascript:alert(1)>x</a>](https://ok.example)",
            // comments, CDATA, mixed content
            "<!-- <script>alert(1)</script> -->",
            "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
            "<![CDATA[<script>alert(1)</script>]]>",
            "`code` <img src=x onerror=alert(1)>",
            "@alice<script>alert(1)</script>",
            "<div>\n\n<script>alert(1)</script>\n\n</div>");

    private static final Set<String> ALLOWED_TAGS = Set.of("p", "br", "hr", "em", "strong", "del", "s", "code",
            "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a");
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "rel", "target", "class", "start");
    private static final List<String> FORBIDDEN_TEXT = List.of("<script", "<iframe", "<img", "<svg", "<object",
            "<embed", "<form", "<input", "<button", "<style", "<meta", "<base", "<math", "<details", "<link",
            "<textarea", "<video", "<body", "<template", "<marquee", "<xss", "<isindex", "<table", "<div",
            "<![cdata", "<!--");

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern TAG_NAME = Pattern.compile("^</?([a-zA-Z][a-zA-Z0-9]*)");
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([^\\s=/>]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(href|src)\\s*=\\s*\"([^\"]*)\"");

    @Test
    void xss_corpus_has_at_least_60_payloads() {
        assertThat(XSS_PAYLOADS).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @FieldSource("XSS_PAYLOADS")
    void xss_payloads_never_survive(String payload) {
        assertSafe(payload, Markdown.toHtml(payload));
    }

    /** Defence in depth: even if commonmark passed the payload through as raw HTML, the allowlist stops it. */
    @ParameterizedTest
    @FieldSource("XSS_PAYLOADS")
    void xss_payloads_never_survive_the_sanitizer_alone(String payload) {
        assertSafe(payload, Markdown.sanitize(payload));
    }

    @Test
    void sanitizer_alone_keeps_allowlisted_markup_and_drops_the_rest() {
        assertThat(Markdown.sanitize("<p onclick=\"x\"><b>bold</b> <em>em</em><img src=x onerror=alert(1)>"
                + "<script>alert(1)</script><iframe src=x></iframe></p>"))
                .isEqualTo("<p>bold <em>em</em></p>");
        assertThat(Markdown.sanitize("<ol start=\"3\" type=\"a\"><li>x</li></ol>"))
                .isEqualTo("<ol start=\"3\"><li>x</li></ol>");
        assertThat(Markdown.sanitize("<a name=\"x\">anchor</a> <a href=\"ftp://x\" target=\"_blank\">ftp</a>"))
                .isEqualTo("anchor ftp");
        assertThat(Markdown.sanitize("<a href=\"/ok\" class=\"mention evil\" target=\"_top\">t</a>"))
                .isEqualTo("<a href=\"/ok\" rel=\"nofollow ugc noopener noreferrer\">t</a>");
    }

    private static void assertSafe(String payload, String html) {
        String lower = html.toLowerCase(Locale.ROOT);

        assertThat(lower).as("output for %s: %s", payload, html).doesNotContain(FORBIDDEN_TEXT);
        assertThat(EVENT_HANDLER.matcher(lower).find()).as("event handler in %s", html).isFalse();

        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            assertThat(tag.toLowerCase(Locale.ROOT)).as("tag in %s", html)
                    .doesNotContain("expression(", "url(", "style");
            Matcher name = TAG_NAME.matcher(tag);
            assertThat(name.find()).as("malformed tag %s in %s", tag, html).isTrue();
            assertThat(ALLOWED_TAGS).as("tag %s in %s", tag, html).contains(name.group(1).toLowerCase(Locale.ROOT));
            Matcher attributes = ATTRIBUTE.matcher(tag);
            while (attributes.find()) {
                assertThat(ALLOWED_ATTRIBUTES).as("attribute in %s", tag).contains(attributes.group(1));
            }
            if (tag.startsWith("<a ") || tag.equals("<a>")) {
                assertThat(tag).as("link without href: %s", html).contains(" href=\"");
            }
        }

        Matcher urls = URL_ATTRIBUTE.matcher(lower);
        while (urls.find()) {
            String decoded = decode(urls.group(2));
            assertThat(squash(decoded)).as("%s in %s", urls.group(), html)
                    .doesNotContain("javascript:", "vbscript:", "livescript:", "data:");
            assertThat(decoded).as("%s in %s", urls.group(), html)
                    .matches("(?s)^(https?://|mailto:|/).*");
        }
        assertThat(linksHaveRels(html)).as("rels in %s", html).isTrue();
    }

    @Test
    void javascript_links_never_survive() {
        assertThat(Markdown.toHtml("[x](javascript:alert(1))")).isEqualTo("<p>x</p>\n");
        assertThat(Markdown.toHtml("<javascript:alert(1)>")).doesNotContain("<a");
    }

    // ---------------------------------------------------------------- helpers

    private static String relOf(String html) {
        Matcher m = Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("rel in %s", html).isTrue();
        return m.group(1);
    }

    private static boolean linksHaveRels(String html) {
        Matcher anchors = Pattern.compile("<a\\s[^>]*>").matcher(html);
        while (anchors.find()) {
            String tag = anchors.group();
            for (String rel : List.of("nofollow", "ugc", "noopener", "noreferrer")) {
                if (!Pattern.compile("rel=\"[^\"]*\\b" + rel + "\\b").matcher(tag).find()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
            Map.entry("colon", ":"), Map.entry("tab", "\t"), Map.entry("newline", "\n"), Map.entry("amp", "&"),
            Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"),
            Map.entry("lpar", "("), Map.entry("rpar", ")"), Map.entry("sol", "/"), Map.entry("period", "."),
            Map.entry("nbsp", "\u00A0"), Map.entry("num", "#"), Map.entry("semi", ";"), Map.entry("equals", "="));
    private static final Pattern ENTITY = Pattern.compile("&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([a-zA-Z]+));?");

    /** Decodes numeric and the relevant named character references, repeatedly, until nothing changes. */
    private static String decode(String value) {
        String current = value;
        for (int round = 0; round < 10; round++) {
            Matcher m = ENTITY.matcher(current);
            var out = new StringBuilder();
            while (m.find()) {
                String replacement;
                if (m.group(1) != null || m.group(2) != null) {
                    long cp = m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
                    replacement = cp > 0 && cp <= Character.MAX_CODE_POINT
                            ? new String(Character.toChars((int) cp)) : "\uFFFD";
                } else {
                    replacement = NAMED_ENTITIES.getOrDefault(m.group(3).toLowerCase(Locale.ROOT), m.group());
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            if (out.toString().equals(current)) {
                return current;
            }
            current = out.toString();
        }
        return current;
    }

    /** What a browser's URL parser would ignore: whitespace, control and invisible formatting characters. */
    private static String squash(String value) {
        var out = new StringBuilder();
        value.codePoints()
                .filter(cp -> cp > 0x20 && !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT && !Character.isWhitespace(cp))
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    @org.junit.jupiter.api.Test
    void mentions_of_usernames_with_underscores_are_linked_whole() {
        org.assertj.core.api.Assertions.assertThat(Markdown.toHtml("hi @m_28320_34 and @a_b_c"))
                .contains("href=\"/u/m_28320_34\"").contains("href=\"/u/a_b_c\"");
        org.assertj.core.api.Assertions.assertThat(Markdown.mentions("hi @m_28320_34")).containsExactly("m_28320_34");
        org.assertj.core.api.Assertions.assertThat(Markdown.toHtml("<b>x</b> [x](javascript:alert(1)) @m_11849_28"))
                .contains("href=\"/u/m_11849_28\"");
    }
}
