package org.agora.debate.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.agora.account.Account;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Post;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Atom feeds as a feed reader sees them: over plain HTTP, without signing in. */
@IntegrationTest
class AtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SEEDED = "Will AI supplant most human jobs — and when?";
    private static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))";

    @LocalServerPort int port;
    @Autowired DebateService debates;
    @Autowired TestAccounts testAccounts;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_latest_threads_feed_is_atom_xml_listing_the_seeded_thread() throws Exception {
        // other tests start many threads: take part in the seeded one so that it is among the latest
        asMember(() -> debates.post(1, null, Stance.NEUTRAL, null, "Bumping the seeded thread " + UUID.randomUUID(), null));

        var response = get("/feeds/threads.atom");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("application/atom+xml").contains("charset=utf-8"));
        Document feed = parse(response.body());
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(text(root, "id")).isEqualTo("tag:agora.test,2024:feeds/threads");
        assertThat(Instant.parse(text(root, "updated"))).isNotNull();
        assertThat(entries(feed)).hasSizeBetween(1, 50);
        Element seeded = entryTitled(feed, SEEDED);
        assertThat(text(seeded, "id")).isEqualTo("tag:agora.test,2024:threads/1");
        assertThat(alternate(seeded)).isEqualTo("http://agora.test/threads/1/will-ai-supplant-most-human-jobs-and-when");
        assertThat(child(seeded, "category").getAttribute("term")).isEqualTo("jobs-economy");
        assertThat(text(child(seeded, "author"), "name")).isEqualTo("Agora");
        assertThat(Instant.parse(text(seeded, "updated"))).isAfter(Instant.parse(text(seeded, "published")));
    }

    @Test
    void a_thread_feed_lists_a_post_written_in_it_with_its_author_and_link() throws Exception {
        Account member = testAccounts.member();
        testAccounts.signIn(member);
        Topic topic = debates.startTopic("Will feeds " + UUID.randomUUID() + " outlive social media?", 4, List.of(),
                Stance.PRO, "Opening *argument*", null);
        Post post = debates.post(topic.id(), null, Stance.CON, null, "RSS readers **never** died", null);
        TestAccounts.signOut();

        var response = get("/feeds/threads/" + topic.id() + ".atom");

        assertThat(response.statusCode()).isEqualTo(200);
        Document feed = parse(response.body());
        Element root = feed.getDocumentElement();
        assertThat(text(root, "id")).isEqualTo("tag:agora.test,2024:feeds/threads/" + topic.id());
        assertThat(link(root, "self")).isEqualTo("http://agora.test/feeds/threads/" + topic.id() + ".atom");
        assertThat(link(root, "alternate")).isEqualTo("http://agora.test/" + topic.path());
        assertThat(entries(feed)).hasSize(2);
        Element newest = entries(feed).getFirst();
        assertThat(text(newest, "id")).isEqualTo("tag:agora.test,2024:posts/" + post.id());
        assertThat(text(newest, "title")).isEqualTo("Con: RSS readers never died");
        assertThat(text(child(newest, "author"), "name")).isEqualTo(member.displayName());
        assertThat(text(child(newest, "author"), "uri")).isEqualTo("http://agora.test/u/" + member.username());
        assertThat(alternate(newest)).isEqualTo("http://agora.test/threads/" + topic.id() + "/" + topic.slug()
                + "#post-" + post.id());
        assertThat(child(newest, "content").getAttribute("type")).isEqualTo("html");
        assertThat(text(newest, "content")).isEqualTo(post.html()).contains("<strong>never</strong>");
        assertThat(child(newest, "category").getAttribute("term")).isEqualTo("timelines-forecasts");
        assertThat(text(entries(feed).getLast(), "title")).isEqualTo(topic.title());
        assertThat(response.body()).as("addresses come from agora.base-url, not the Host header")
                .doesNotContain("localhost");
    }

    @Test
    void a_script_in_a_post_reaches_the_feed_only_as_escaped_text() throws Exception {
        testAccounts.signIn(testAccounts.member());
        Topic topic = debates.startTopic("Can a feed " + UUID.randomUUID() + " be attacked?", 6, List.of(),
                Stance.NEUTRAL, "Let us see.", null);
        Post post = debates.post(topic.id(), null, Stance.CON, null, XSS, null);
        TestAccounts.signOut();

        var response = get("/feeds/threads/" + topic.id() + ".atom");

        assertThat(response.body()).doesNotContain("<script", "<img");
        Element entry = entries(parse(response.body())).stream()
                .filter(e -> text(e, "id").endsWith("posts/" + post.id())).findFirst().orElseThrow();
        String html = text(entry, "content");
        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;");
        var fragment = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(fragment.select("script, img, iframe, object")).isEmpty();
        assertThat(fragment.getAllElements()).allSatisfy(element ->
                assertThat(element.attributes().asList()).noneSatisfy(a -> assertThat(a.getKey()).startsWithIgnoringCase("on")));
        assertThat(fragment.select("[href]")).allSatisfy(a ->
                assertThat(a.attr("href").strip()).doesNotStartWithIgnoringCase("javascript:"));
        // a title is plain text (Atom's default type="text"): markup in it is shown, never run
        assertThat(child(entry, "title").hasAttribute("type")).isFalse();
        assertThat(text(entry, "title")).startsWith("Con: <script>alert(1)</script>");
    }

    @Test
    void a_deleted_post_shows_as_deleted_without_its_body() throws Exception {
        testAccounts.signIn(testAccounts.member());
        Topic topic = debates.startTopic("Should deleted posts " + UUID.randomUUID() + " vanish?", 6, List.of(),
                Stance.NEUTRAL, "Opening.", null);
        String secret = "regrettable " + UUID.randomUUID();
        Post post = debates.post(topic.id(), null, Stance.PRO, null, secret, null);
        debates.delete(post.id());
        TestAccounts.signOut();

        var response = get("/feeds/threads/" + topic.id() + ".atom");

        assertThat(response.body()).doesNotContain(secret);
        Element entry = entries(parse(response.body())).stream()
                .filter(e -> text(e, "id").endsWith("posts/" + post.id())).findFirst().orElseThrow();
        assertThat(text(entry, "title")).isEqualTo("Deleted by its author.");
        assertThat(child(entry, "content").getAttribute("type")).isEqualTo("text");
        assertThat(text(entry, "content")).isEqualTo("Deleted by its author.");
    }

    @Test
    void control_characters_in_a_title_do_not_break_the_feed() throws Exception {
        testAccounts.signIn(testAccounts.member());
        String marker = UUID.randomUUID().toString();
        Topic topic = debates.startTopic("Bell\u0007 and \u0000nul in " + marker + "?", 6, List.of(),
                Stance.NEUTRAL, "Ding\u0007", null);
        TestAccounts.signOut();

        Document feed = parse(get("/feeds/threads/" + topic.id() + ".atom").body());
        assertThat(text(feed.getDocumentElement(), "title")).contains(marker).doesNotContain("\u0007");

        // the writer drops what XML forbids even if a value slipped past input cleaning
        byte[] written = AtomWriter.write(new AtomWriter.Feed("tag:x,2024:f", "Bell\u0007 \uD800 \uFFFE ok", null,
                Instant.EPOCH, "http://agora.test/f\u0001", "http://agora.test/", List.of(new AtomWriter.Entry(
                "tag:x,2024:e", "nul\u0000 tab\t", null, Instant.EPOCH, "A\u001Futhor", null, "http://agora.test/e",
                new AtomWriter.Category("c\u0002", "C\u0003"), "sum\u0008mary", AtomWriter.Content.html("<p>\u000B</p>")))));
        Document parsed = parse(new String(written, StandardCharsets.UTF_8));
        assertThat(text(parsed.getDocumentElement(), "title")).isEqualTo("Bell   ok");
        Element entry = entries(parsed).getFirst();
        assertThat(text(entry, "title")).isEqualTo("nul tab\t");
        assertThat(text(entry, "content")).isEqualTo("<p></p>");
    }

    @Test
    void a_category_feed_lists_only_that_category() throws Exception {
        var response = get("/feeds/threads.atom?category=compute-infrastructure");

        assertThat(response.statusCode()).isEqualTo(200);
        Document feed = parse(response.body());
        assertThat(link(feed.getDocumentElement(), "self"))
                .isEqualTo("http://agora.test/feeds/threads.atom?category=compute-infrastructure");
        assertThat(entries(feed)).isNotEmpty().allSatisfy(entry ->
                assertThat(child(entry, "category").getAttribute("term")).isEqualTo("compute-infrastructure"));
    }

    @Test
    void unknown_threads_categories_and_feeds_are_not_found_without_a_stack_trace() throws Exception {
        for (String path : new String[] {"/feeds/threads/999999999.atom", "/feeds/threads/abc.atom",
                "/feeds/threads.atom?category=no-such-category", "/feeds/nothing-here"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("Exception", "at org.", "<html");
        }
    }

    @Test
    void feeds_are_cacheable_and_answer_not_modified_to_a_matching_etag() throws Exception {
        var response = get("/feeds/threads/2.atom");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("public, max-age=60");
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        assertThat(response.headers().allValues("Pragma")).isEmpty();
        String etag = response.headers().firstValue("ETag").orElseThrow();
        var again = http.send(HttpRequest.newBuilder(uri("/feeds/threads/2.atom")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void reading_feeds_opens_no_session() throws Exception {
        for (String path : new String[] {"/feeds/threads.atom", "/feeds/threads.atom?category=jobs-economy",
                "/feeds/threads/1.atom", "/feeds/threads/999999999.atom", "/feeds/nothing-here"}) {
            var response = get(path);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(cookies.getCookieStore().getCookies()).isEmpty();
    }

    @Test
    void a_thread_page_links_its_feed_and_the_latest_threads_feed_in_its_head() throws Exception {
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/threads/1/will-ai")).build(),
                HttpResponse.BodyHandlers.ofString());

        var head = org.jsoup.Jsoup.parse(page.body()).head();
        assertThat(head.select("link[rel=alternate][type=application/atom+xml]"))
                .extracting(link -> link.attr("href"))
                .contains("http://agora.test/feeds/threads.atom", "http://agora.test/feeds/threads/1.atom");
    }

    private void asMember(Runnable action) {
        testAccounts.signIn(testAccounts.member());
        try {
            action.run();
        } finally {
            TestAccounts.signOut();
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/atom+xml, application/xml;q=0.9, */*;q=0.1").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.headers().allValues("Set-Cookie")).as(path + " sets no cookie").isEmpty();
        return response;
    }

    /** Parses XML as a careful feed reader does: namespaces on, no DTDs, no external entities. */
    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> entries(Document feed) {
        return children(feed.getDocumentElement(), "entry");
    }

    private static Element entryTitled(Document feed, String title) {
        return entries(feed).stream().filter(e -> title.equals(text(e, "title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title));
    }

    private static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        var found = children(parent, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).hasSize(1);
        return found.getFirst();
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    private static String link(Element parent, String rel) {
        return children(parent, "link").stream().filter(l -> rel.equals(l.getAttribute("rel"))).findFirst()
                .map(l -> l.getAttribute("href")).orElseThrow(() -> new AssertionError("no link rel=" + rel));
    }

    private static String alternate(Element entry) {
        return link(entry, "alternate");
    }
}
