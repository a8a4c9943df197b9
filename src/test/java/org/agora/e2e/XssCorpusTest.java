package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agora.account.Account;
import org.agora.account.AccountService;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.agora.moderation.FlagReason;
import org.agora.moderation.FlagService;
import org.agora.moderation.Target;
import org.agora.poll.Poll;
import org.agora.poll.PollKind;
import org.agora.poll.TestPolls;
import org.agora.shared.text.Markdown;
import org.agora.support.HtmlAllowlist;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Security case 1: a corpus of over 100 XSS and formula-injection payloads
 * ({@code src/test/resources/security/xss-payloads.txt}) goes into thread titles, posts, a display name, poll
 * options and flag reasons; then a real Chromium opens every page that shows them — the thread, the thread list,
 * search results, the poll, the profile and the moderator's review queue — and nothing runs: no dialog, no
 * {@code window.__xss}, no element with an event handler, no script, frame, object or javascript: link made from
 * user content. The server-side HTML of the Atom feed and the Markdown renderer is checked too.
 */
class XssCorpusTest extends BrowserTest {
    @Autowired TestAccounts accounts;
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired AccountService accountService;
    @Autowired FlagService flags;
    @Autowired TestPolls polls;

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
            accountService.changeDisplayName(corpus.get(6).substring(0, Math.min(60, corpus.get(6).length())),
                    accountService.me().version());
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
        // poll options (20 at most per poll)
        var options = corpus.stream().limit(20).map(p -> p.length() > 120 ? p.substring(0, 120) : p).toList();
        Poll poll = polls.create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, options);
        // flag reasons, seen by moderators in the queue
        Account flagger = accounts.member();
        accounts.signIn(flagger);
        try {
            var posts = catalog.timeline(thread.id(), null, 200);
            for (int i = 1; i <= 10 && i < posts.size(); i++) {
                flags.flag(Target.post(posts.get(i).id()), FlagReason.OTHER, corpus.get(i * 9 % corpus.size()));
            }
        } finally {
            TestAccounts.signOut();
        }

        var dialogs = XssCorpus.dialogs(page);
        var problems = new ArrayList<String>();
        visit("/threads/" + thread.id(), marker, problems);
        visit("/threads", marker, problems);
        visit("/search?q=" + marker, marker, problems);
        visit("/polls/" + poll.id(), "", problems);
        visit("/u/" + writer.username(), "", problems);

        Account moderator = accounts.moderator();
        logIn(moderator.username(), TestAccounts.PASSWORD, TestAccounts.totpCode(accounts.secretOf(moderator)));
        visit("/moderation/queue", "", problems);

        assertThat(dialogs).as("dialogs opened by injected script").isEmpty();
        assertThat(problems).as("injected markup in the pages").isEmpty();
    }

    private void visit(String path, String waitForText, List<String> problems) {
        open(path);
        if (!waitForText.isEmpty()) {
            page.getByText(waitForText).first().waitFor();
        }
        page.waitForLoadState();
        problems.addAll(XssCorpus.inspect(page, path));
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
