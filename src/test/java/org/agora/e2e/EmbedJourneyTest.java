package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.agora.poll.Poll;
import org.agora.poll.TestPolls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Another website embeds a poll: host pages served by the test from 127.0.0.1 (another origin than the app on
 * localhost) carry the web component and the iframe; readers vote in each, a second host page sees the results
 * arrive live, and a host on an origin the poll does not allow gets a blocked frame and refused API calls.
 */
class EmbedJourneyTest extends BrowserTest {
    private static final LocatorAssertions.ContainsTextOptions LIVE = new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    @Autowired TestPolls testPolls;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private HostSite allowedHost;
    private HostSite otherHost;
    private Poll poll;

    @BeforeEach
    void hosts() throws Exception {
        poll = testPolls.single("Sooner than we think", "Later than they say", "Never");
        jdbc.sql("update poll set question = 'When will AI do most of the work people are paid for today?' where id = :id")
                .param("id", poll.id()).update();
        allowedHost = blog();
        otherHost = blog();
        testPolls.embed(poll.id(), false, List.of(allowedHost.origin()), true, false);
    }

    @AfterEach
    void stopHosts() {
        allowedHost.close();
        otherHost.close();
    }

    /** A blog on 127.0.0.1: /component.html and /iframe.html, pointing at the app. */
    private HostSite blog() throws Exception {
        String app = "http://localhost:" + port;
        return new HostSite().page("/iframe.html", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog (iframe)</title></head>
                <body><h1>A blog post</h1>
                <iframe id="poll" src="%1$s/embed/poll/%2$d" data-agora-poll="%2$d" width="100%%" height="300" style="border:0" title="Agora poll"></iframe>
                <script>addEventListener("message", e => { if (e.origin === "%1$s" && e.data && e.data.type === "agora-poll:resize")
                  document.querySelectorAll('iframe[data-agora-poll="' + e.data.poll + '"]').forEach(f => f.style.height = e.data.height + "px"); });</script>
                </body></html>
                """.formatted(app, poll.id())).page("/component.html", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog (web component)</title>
                <script type="module" src="%1$s/widget/agora-poll.js"></script>
                <style>body{font-family:Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>
                <body><h1>What readers of this blog think</h1><p>Our question of the week, asked on Agora:</p>
                <agora-poll poll="%2$d" lang="en"></agora-poll>
                </body></html>
                """.formatted(app, poll.id()));
    }

    @Test
    void readers_vote_in_the_web_component_and_the_iframe_and_another_page_sees_it_live() {
        // a second reader's page, open before anyone votes: it must see both votes arrive
        var watcherContext = newContext();
        Page watcher = watcherContext.newPage();
        watcher.navigate(allowedHost.origin() + "/component.html");
        var watcherReaders = watcher.locator("agora-poll section.r h3");
        assertThat(watcherReaders).containsText("No votes yet");

        page.navigate(allowedHost.origin() + "/component.html");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Sooner than we think")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote").setExact(true)).click();
        assertThat(page.locator("agora-poll")).containsText("Thank you, your vote was counted.");
        assertThat(page.locator("agora-poll")).not().containsText("Readers cannot vote");
        assertThat(page.locator("agora-poll form")).hasCount(0);
        assertThat(page.locator("agora-poll section.r h3")).containsText("1 vote");
        assertThat(page.locator("agora-poll section.m h3")).containsText("No votes yet");
        assertThat(page.locator("agora-poll [aria-live]")).containsText("Readers of this site: 1 vote");
        assertThat(watcherReaders).containsText("1 vote", LIVE);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/img/widget.png")).setFullPage(true));

        // reloading keeps the token: the reader has voted
        page.reload();
        assertThat(page.locator("agora-poll")).containsText("You have voted in this poll.");
        // the host page's storage is wiped: the partitioned voter cookie still speaks for this reader
        page.evaluate("() => localStorage.clear()");
        page.reload();
        assertThat(page.locator("agora-poll")).containsText("You have voted in this poll.");

        var iframeContext = newContext();
        Page framed = iframeContext.newPage();
        framed.navigate(allowedHost.origin() + "/iframe.html");
        var frame = framed.frameLocator("#poll");
        frame.getByRole(AriaRole.RADIO, new com.microsoft.playwright.FrameLocator.GetByRoleOptions().setName("Never")).check();
        frame.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.FrameLocator.GetByRoleOptions().setName("Vote").setExact(true)).click();
        assertThat(frame.locator("agora-poll")).containsText("Thank you, your vote was counted.");
        assertThat(watcherReaders).containsText("2 votes", LIVE);
        // the iframe grew to its content through postMessage
        framed.waitForCondition(() -> !"300".equals(String.valueOf(framed.locator("#poll").evaluate("f => f.getBoundingClientRect().height|0"))));
        assertThat(frame.getByRole(AriaRole.LINK, new com.microsoft.playwright.FrameLocator.GetByRoleOptions()
                .setName("Vote as an Agora member"))).hasAttribute("target", "_blank");
        iframeContext.close();
        watcherContext.close();
    }

    @Test
    void a_site_the_poll_does_not_allow_gets_a_blocked_frame_and_refused_api_calls() {
        page.navigate(otherHost.origin() + "/component.html");
        assertThat(page.locator("agora-poll")).containsText("The poll could not be loaded.");
        Object fetched = page.evaluate("async url => { try { await fetch(url); return 'answered'; } catch (e) { return 'refused'; } }",
                url("/api/v1/polls/" + poll.id() + "/widget"));
        org.assertj.core.api.Assertions.assertThat(fetched).isEqualTo("refused");

        // navigate() returns after the load event, which waits for the iframe too (a blocked frame also "loads"); an
        // allowed frame would then hold <agora-poll>, which is in the embed page's HTML itself
        var refusals = new java.util.concurrent.CopyOnWriteArrayList<String>();
        page.onConsoleMessage(m -> refusals.add(m.text()));
        page.navigate(otherHost.origin() + "/iframe.html");
        org.assertj.core.api.Assertions.assertThat(page.frameLocator("#poll").locator("agora-poll").count()).isZero();
        org.assertj.core.api.Assertions.assertThat(page.frames()).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(page.frames().get(1).url()).doesNotStartWith(url("/embed/poll/"))
                .as("blocked: " + refusals);

        // the allowed host's iframe, for contrast, loads
        page.navigate(allowedHost.origin() + "/iframe.html");
        assertThat(page.frameLocator("#poll").locator("agora-poll")).containsText("Sooner than we think");
    }
}
