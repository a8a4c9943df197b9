package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.agora.account.Account;
import org.agora.account.AccountService;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateService;
import org.agora.debate.NotificationService;
import org.agora.debate.Post;
import org.agora.debate.Relation;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.agora.moderation.FlagReason;
import org.agora.moderation.FlagService;
import org.agora.moderation.Target;
import org.agora.poll.Ballot;
import org.agora.poll.Poll;
import org.agora.poll.PollKind;
import org.agora.poll.PollService;
import org.agora.poll.TestPolls;
import org.agora.shared.text.Markdown;
import org.agora.shared.text.TextInput;
import org.agora.support.HtmlAllowlist;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security case 1: a corpus of over 100 XSS and formula-injection payloads
 * ({@code src/test/resources/security/xss-payloads.txt}, read by {@link XssCorpus}) goes into thread titles, posts,
 * display names, poll questions, descriptions, options, "other" answers, flag reasons and moderators' notes; then a
 * real Chromium opens every page that shows them — the thread, the thread list, search results, the poll, the
 * profile, the moderator's review queue and member file, the bell and the notifications page, the
 * {@code <agora-poll>} widget on another site's page and the widget's iframe page — and nothing runs: no dialog, no
 * {@code window.__xss}, no element with an event handler, no script, frame, object or javascript: link made from
 * user content (shadow roots included), and the payloads show as text. The server-side HTML of the Atom feed and the
 * Markdown renderer is checked too.
 */
class XssCorpusTest extends BrowserTest {
    @Autowired TestAccounts accounts;
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired AccountService accountService;
    @Autowired FlagService flags;
    @Autowired TestPolls polls;
    @Autowired PollService pollService;
    @Autowired NotificationService notifications;
    @Autowired JdbcClient jdbc;

    @Test
    void the_corpus_is_inert_on_every_page_that_shows_member_content() throws Exception {
        List<String> corpus = XssCorpus.payloads();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        String marker = "xsscorpus" + (System.nanoTime() % 1_000_000);

        // the writer: posts, titles and a display name made of payloads
        Account writer = accounts.member();
        accounts.signIn(writer);
        Topic thread;
        var titled = new ArrayList<Topic>();
        try {
            writer = accountService.changeDisplayName(XssCorpus.cut(corpus.get(6), 60), accountService.me().version());
            thread = debates.startTopic("Payloads " + marker, catalog.categories().getFirst().id(), List.of(), Stance.PRO,
                    "All of the corpus follows, one post each.", UUID.randomUUID());
            for (String payload : corpus) {
                debates.post(thread.id(), null, Stance.CON, null, payload + " " + marker, UUID.randomUUID());
            }
            for (int i = 0; i < 8; i++) {
                String title = (corpus.get(i * 7) + " " + marker).replaceAll("\\s+", " ");
                titled.add(debates.startTopic(title.length() > 200 ? title.substring(0, 200) : title,
                        catalog.categories().getFirst().id(), List.of(), Stance.NEUTRAL, "Body", UUID.randomUUID()));
            }
        } finally {
            TestAccounts.signOut();
        }
        // a poll (20 options at most) whose question, description and options are payloads; its last option takes
        // "other" answers in the voters' own words, which are payloads too
        var options = corpus.stream().limit(20).map(p -> XssCorpus.cut(p, 120)).toList();
        Poll poll = polls.create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, options);
        String question = XssCorpus.cut(TextInput.clean(corpus.get(3)), 300);
        jdbc.sql("update poll set question = :q, description = :d where id = :id").param("q", question)
                .param("d", String.join("\n\n", corpus.subList(40, 60))).param("id", poll.id()).update();
        long other = jdbc.sql("update poll_option set is_other = true where poll_id = :p and position = :n returning id")
                .param("p", poll.id()).param("n", options.size()).query(Long.class).single();
        var otherAnswers = new ArrayList<String>();
        for (Account voter : accounts.members(12)) {
            String answer = XssCorpus.cut(TextInput.clean(corpus.get(60 + otherAnswers.size() * 4)), 200);
            accounts.signIn(voter);
            try {
                pollService.vote(poll.id(), Ballot.ofOptions(List.of(other)), answer);
            } finally {
                TestAccounts.signOut();
            }
            otherAnswers.add(answer);
        }
        // flag reasons, seen by moderators in the queue
        Account flagger = accounts.member();
        accounts.signIn(flagger);
        var reasons = new ArrayList<String>();
        try {
            var posts = catalog.timeline(thread.id(), null, 200);
            for (int i = 1; i <= 10 && i < posts.size(); i++) {
                String reason = corpus.get(i * 9 % corpus.size());
                flags.flag(Target.post(posts.get(i).id()), FlagReason.OTHER, reason);
                reasons.add(TextInput.clean(reason, true));
            }
        } finally {
            TestAccounts.signOut();
        }

        var dialogs = XssCorpus.dialogs(page);
        var problems = new ArrayList<String>();
        var missing = new ArrayList<String>();
        visit("/threads/" + thread.id(), marker, problems);
        expectShown(List.of(writer.displayName()), "/threads/" + thread.id(), missing);
        visit("/threads", marker, problems);
        visit("/search?q=" + marker, marker, problems);
        visit("/polls/" + poll.id(), "", problems);
        expectShown(List.of(question), "/polls/" + poll.id(), missing);
        expectShown(otherAnswers, "/polls/" + poll.id() + " (other answers)", missing);
        visit("/u/" + writer.username(), "", problems);

        Account moderator = accounts.moderator();
        logIn(moderator.username(), TestAccounts.PASSWORD, TestAccounts.totpCode(accounts.secretOf(moderator)));
        visit("/moderation/queue", "", problems);
        expectShown(reasons, "/moderation/queue (flag reasons)", missing);
        expectShown(List.of(writer.displayName()), "/moderation/queue (author)", missing);
        visit("/moderation/users?u=" + writer.username(), "", problems);
        expectShown(List.of(writer.displayName()), "/moderation/users (member file)", missing);

        assertThat(dialogs).as("dialogs opened by injected script").isEmpty();
        assertThat(problems).as("injected markup in the pages").isEmpty();
        assertThat(missing).as("payloads not shown as text").isEmpty();
    }

    @Test
    void the_corpus_is_inert_in_the_bell_and_the_notifications() throws Exception {
        List<String> corpus = XssCorpus.payloads();
        String marker = "xssbell" + (System.nanoTime() % 1_000_000);
        // the member to notify starts threads titled with payloads (and so follows them) and posts in each
        Account member = accounts.member();
        var threads = new ArrayList<Topic>();
        var ownPosts = new ArrayList<Long>();
        accounts.signIn(member);
        try {
            for (int i = 0; i < 6; i++) {
                String title = XssCorpus.cut(XssCorpus.squeeze(corpus.get(i * 17 + 2) + " " + marker), 200);
                Topic topic = debates.startTopic(title, catalog.categories().getFirst().id(), List.of(), Stance.PRO,
                        "Opening " + marker, UUID.randomUUID());
                threads.add(topic);
                ownPosts.add(debates.post(topic.id(), null, Stance.PRO, null, "My argument " + marker, UUID.randomUUID()).id());
            }
        } finally {
            TestAccounts.signOut();
        }
        // writers whose display names are payloads
        var writers = new ArrayList<Account>();
        for (int i = 0; i < 6; i++) {
            accounts.signIn(accounts.member());
            try {
                writers.add(accountService.changeDisplayName(XssCorpus.cut(corpus.get(i * 19 + 4), 60),
                        accountService.me().version()));
            } finally {
                TestAccounts.signOut();
            }
        }
        // every payload once in a post that notifies the member: a reply to them, a mention of them, or a new post in
        // a thread they follow
        var excerpts = new ArrayList<String>();
        for (int i = 0; i < corpus.size(); i++) {
            int t = i % threads.size();
            accounts.signIn(writers.get(i / threads.size() % writers.size()));
            try {
                String body = i % 3 == 1 ? corpus.get(i) + "\n\n@" + member.username() : corpus.get(i);
                Post post = i % 3 == 0
                        ? debates.post(threads.get(t).id(), ownPosts.get(t), Stance.CON, Relation.CHALLENGES, body, UUID.randomUUID())
                        : debates.post(threads.get(t).id(), null, Stance.CON, null, body, UUID.randomUUID());
                excerpts.add(Markdown.toPlainText(post.body(), 160));
            } finally {
                TestAccounts.signOut();
            }
        }
        // moderators' notes to the member about their posts
        var notes = new ArrayList<String>();
        accounts.signIn(accounts.moderator());
        try {
            for (int i = 0; i < 4; i++) {
                String note = corpus.get(i * 23 + 5);
                notifications.notifyAuthorOfModeration(ownPosts.get(i), note);
                notes.add(TextInput.clean(note, true));
            }
        } finally {
            TestAccounts.signOut();
        }
        int expected = corpus.size() + notes.size();
        // followers are told after the commit, on a background thread
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from debate_notification where account_id = :a")
                .param("a", member.id().value()).query(Long.class).single() == expected);

        var dialogs = XssCorpus.dialogs(page);
        var problems = new ArrayList<String>();
        logIn(member.username(), TestAccounts.PASSWORD);
        var bell = page.locator("#bell");
        PlaywrightAssertions.assertThat(bell).containsText("99+");
        problems.addAll(XssCorpus.inspect(page, "/ (bell)"));
        bell.click();
        page.waitForURL(Pattern.compile(".*/notifications$"));
        var items = page.locator("a.agora-notification");
        var older = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Older notifications"));
        for (int shown = NotificationService.PAGE; shown < expected; shown += NotificationService.PAGE) {
            PlaywrightAssertions.assertThat(items).hasCount(shown);
            older.click();
        }
        PlaywrightAssertions.assertThat(items).hasCount(expected);
        problems.addAll(XssCorpus.inspect(page, "/notifications"));

        String text = XssCorpus.squeeze(String.join(" ", items.allTextContents()));
        var missing = new ArrayList<String>();
        expectShown(text, threads.stream().map(Topic::title).toList(), "title", missing);
        expectShown(text, writers.stream().map(Account::displayName).toList(), "display name", missing);
        expectShown(text, excerpts, "post", missing);
        expectShown(text, notes, "moderators' note", missing);
        assertThat(dialogs).as("dialogs opened by injected script").isEmpty();
        assertThat(problems).as("injected markup in the pages").isEmpty();
        assertThat(missing).as("payloads not shown as text on /notifications").isEmpty();
        assertThat(text).contains("replied to your post in", "mentioned you in", "posted in", "Moderators acted on your post");
    }

    /** Waits until every widget in the page (or frame) has rendered its form, members' results and both arguments. */
    private static final String WIDGETS_READY = """
            n => { const ws = [...document.querySelectorAll('agora-poll')];
                   return ws.length === n && ws.every(w => w.shadowRoot && w.shadowRoot.querySelector('form')
                       && w.shadowRoot.querySelector('section.m .row') && w.shadowRoot.querySelectorAll('blockquote.arg').length === 2); }
            """;

    /** What each widget got from the API and the text it shows. */
    private static final String WIDGETS = """
            () => [...document.querySelectorAll('agora-poll')].map(w => ({
              poll: w.getAttribute('poll'), title: document.title, text: w.shadowRoot.textContent,
              question: w.data.question, labels: w.data.options.map(o => o.label),
              arguments: Object.values(w.data.arguments || {}).map(a => a.excerpt) }))
            """;

    @Test
    void the_corpus_is_inert_in_the_widget_on_another_site_and_in_its_iframe_page() throws Exception {
        List<String> corpus = XssCorpus.payloads();
        String marker = "xsswidget" + (System.nanoTime() % 1_000_000);
        // option labels as the poll editor keeps them: cleaned, at most 120 characters, distinct
        var distinct = new LinkedHashMap<String, String>();
        corpus.forEach(p -> {
            String label = XssCorpus.cut(TextInput.clean(p), 120);
            distinct.putIfAbsent(label.toLowerCase(Locale.ROOT), label);
        });
        var labels = List.copyOf(distinct.values());
        // three polls (a browser opens at most 6 connections to a host, and each widget keeps one for live results),
        // each in a thread whose most convincing argument per side is made of payloads; one member vote each, so that
        // the members' results list every option
        var expected = new LinkedHashMap<Long, Poll>();
        int perPoll = (labels.size() + 2) / 3;
        Account author = accounts.member();
        var voters = accounts.members(3);
        try (var site = new HostSite()) {
            for (int k = 0; k < 3; k++) {
                Topic thread;
                accounts.signIn(author);
                try {
                    thread = debates.startTopic("Widget debate " + k + " " + marker, catalog.categories().getFirst().id(),
                            List.of(), Stance.NEUTRAL, "Which side are you on?", UUID.randomUUID());
                    debates.post(thread.id(), null, Stance.PRO, null, String.join("\n\n", corpus.subList(k * 8, k * 8 + 4)),
                            UUID.randomUUID());
                    debates.post(thread.id(), null, Stance.CON, null, String.join("\n\n", corpus.subList(k * 8 + 4, k * 8 + 8)),
                            UUID.randomUUID());
                } finally {
                    TestAccounts.signOut();
                }
                var options = labels.subList(k * perPoll, Math.min(labels.size(), (k + 1) * perPoll));
                Poll poll = polls.create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, options);
                // the widget does not show the description (it is not in its JSON); set it all the same
                jdbc.sql("update poll set question = :q, description = :d, topic_id = :t where id = :id")
                        .param("q", XssCorpus.cut(TextInput.clean(corpus.get(k * 31 + 9)) + " " + marker, 300))
                        .param("d", String.join("\n\n", corpus.subList(k * 8 + 30, k * 8 + 38)))
                        .param("t", thread.id()).param("id", poll.id()).update();
                jdbc.sql("update poll_option set is_other = true where poll_id = :p and position = :n")
                        .param("p", poll.id()).param("n", options.size()).update();
                polls.embed(poll.id(), false, List.of(site.origin()), true, false);
                accounts.signIn(voters.get(k));
                try {
                    pollService.vote(poll.id(), Ballot.ofOptions(List.of(poll.options().getFirst().id())));
                } finally {
                    TestAccounts.signOut();
                }
                expected.put(poll.id(), pollService.find(poll.id()).orElseThrow());
            }
            String app = "http://localhost:" + port;
            var widgets = new StringBuilder();
            var frames = new StringBuilder();
            for (long id : expected.keySet()) {
                widgets.append("<agora-poll poll=\"%d\" lang=\"en\" show-arguments></agora-poll>\n".formatted(id));
                frames.append("<iframe id=\"poll-%2$d\" src=\"%1$s/embed/poll/%2$d?arguments=true\" width=\"600\" height=\"900\" title=\"Agora poll\"></iframe>\n"
                        .formatted(app, id));
            }
            site.page("/component.html", """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>
                    <script type="module" src="%s/widget/agora-poll.js"></script></head>
                    <body><h1>Polls of the week</h1>
                    %s</body></html>
                    """.formatted(app, widgets)).page("/iframe.html", """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog (iframes)</title></head>
                    <body><h1>Polls of the week</h1>
                    %s</body></html>
                    """.formatted(frames));

            var dialogs = XssCorpus.dialogs(page);
            var problems = new ArrayList<String>();
            var missing = new ArrayList<String>();
            page.navigate(site.url("/component.html"));
            page.waitForFunction(WIDGETS_READY, expected.size());
            problems.addAll(XssCorpus.inspect(page, "widget on " + site.origin()));
            checkWidgets(page.mainFrame(), expected, false, missing);

            page.navigate(site.url("/iframe.html"));
            var embedded = page.mainFrame().childFrames();
            assertThat(embedded).hasSize(expected.size());
            for (Frame frame : embedded) {
                assertThat(frame.url()).startsWith(app + "/embed/poll/");
                frame.waitForFunction(WIDGETS_READY, 1);
                problems.addAll(XssCorpus.inspect(frame, frame.url()));
                checkWidgets(frame, expected, true, missing);
            }
            assertThat(dialogs).as("dialogs opened by injected script").isEmpty();
            assertThat(problems).as("injected markup in the widget").isEmpty();
            assertThat(missing).as("payloads not shown as text in the widget").isEmpty();
        }
    }

    /** The widgets got the payloads from the API unchanged, and show them as text. */
    @SuppressWarnings("unchecked")
    private static void checkWidgets(Frame frame, Map<Long, Poll> expected, boolean framed, List<String> missing) {
        var widgets = (List<Map<String, Object>>) frame.evaluate(WIDGETS);
        assertThat(widgets).isNotEmpty();
        for (var w : widgets) {
            Poll poll = expected.get(Long.parseLong((String) w.get("poll")));
            assertThat(w.get("question")).isEqualTo(poll.question());
            assertThat((List<String>) w.get("labels")).containsExactlyElementsOf(
                    poll.options().stream().map(o -> o.label()).toList());
            var arguments = (List<String>) w.get("arguments");
            assertThat(arguments).hasSize(2).allMatch(a -> a.contains("xss") || a.contains("click"));
            String text = XssCorpus.squeeze((String) w.get("text"));
            String where = (framed ? "iframe page" : "widget") + " of poll " + poll.id();
            expectShown(text, List.of(poll.question()), where + " question", missing);
            expectShown(text, poll.options().stream().map(o -> o.label()).toList(), where + " option", missing);
            expectShown(text, arguments, where + " argument", missing);
            if (framed) {
                assertThat(XssCorpus.squeeze((String) w.get("title"))).isEqualTo(XssCorpus.squeeze(poll.question() + " · Agora"));
            }
        }
    }

    private void visit(String path, String waitForText, List<String> problems) {
        open(path);
        if (!waitForText.isEmpty()) {
            page.getByText(waitForText).first().waitFor();
        }
        page.waitForLoadState();
        problems.addAll(XssCorpus.inspect(page, path));
    }

    /** Each of {@code texts} is in the text of the page's {@code <main>}. */
    private void expectShown(Collection<String> texts, String where, List<String> missing) {
        expectShown(XssCorpus.squeeze(page.locator("main").first().textContent()), texts, where, missing);
    }

    private static void expectShown(String shown, Collection<String> texts, String where, List<String> missing) {
        texts.stream().filter(t -> !shown.contains(XssCorpus.squeeze(t))).forEach(t -> missing.add(where + ": " + t));
    }

    /** The inspection is not vacuous: it finds what payloads would inject, in shadow roots too. */
    @Test
    void the_inspection_finds_injected_markup_and_handlers_in_shadow_roots() {
        page.setContent("<main><img src=x></main><div id=host></div><agora-poll framed></agora-poll>");
        page.evaluate("""
                () => {
                  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<b onclick="x()">x</b>';
                  document.querySelector('agora-poll').attachShadow({ mode: 'open' }).innerHTML =
                      '<div><iframe></iframe><a href="javascript:x()">x</a></div>';
                  window.__xss = 1;
                }
                """);
        assertThat(XssCorpus.inspect(page, "page")).contains("page: window.__xss was set", "page: element IMG",
                "page: DIV shadow: B[onclick]", "page: AGORA-POLL shadow: A[href=javascript:x()]",
                "page: AGORA-POLL shadow: element IFRAME", "page: embed page: element DIV");
    }

    @Test
    void the_corpus_renders_to_allowlisted_html_and_an_escaped_feed() throws Exception {
        for (String payload : XssCorpus.payloads()) {
            HtmlAllowlist.assertAllowed(Markdown.toHtml(payload));
        }
        String feed = page.request().get(url("/feeds/threads.atom")).text();
        assertThat(feed).doesNotContainIgnoringCase("<script>window").doesNotContainPattern("(?i)<img[^>]+onerror");
    }
}
