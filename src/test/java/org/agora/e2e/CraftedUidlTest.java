package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agora.account.Account;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Post;
import org.agora.debate.PostModeration;
import org.agora.debate.Stance;
import org.agora.debate.ThreadControls;
import org.agora.debate.Topic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security case 4, Vaadin-specific: a member forges UIDL requests (Vaadin Flow's client-to-server messages) from
 * their own browser with {@code fetch}, using their own session, CSRF token and message ids, and nothing a moderator
 * can do happens; clicks on buttons that are disabled or hidden in the member's own page run nothing; forged typed
 * tags cannot grow a list on the server, and a request for a million of its rows gets only the rows it has.
 *
 * <p>A UIDL message is {@code {"csrfToken", "rpc": [invocations], "syncId", "clientId"}}, posted to
 * {@code ?v-r=uidl&v-uiId=<ui>} (Flow's {@code ServerRpcHandler}); a click is the invocation
 * {@code {"type": "event", "node": <state node id>, "event": "click", "data": {...}}}. The client posts its messages
 * by XHR (push answers over the websocket); the record below also reads websocket frames in case that changes.
 * Node ids are per UI, read here from the page's own Flow client ({@code getNodeId}). The server drops
 * an event for a node that is disabled or invisible ({@code AbstractRpcInvocationHandler}: {@code isInactive()}) and
 * a listener's event on a disabled element ({@code ElementListenerMap.fireEvent}). The forged messages here use the
 * next client id the server expects, so the server processes them: nothing in them is refused for being stale.
 */
class CraftedUidlTest extends BrowserTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired ThreadControls threadControls;
    @Autowired PostModeration postModeration;
    @Autowired JdbcClient jdbc;

    private static Locator.GetByRoleOptions lname(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    /** Every UIDL message a page's Vaadin client sends, whether by XHR or over the push websocket. */
    static final class SentUidl {
        final List<ObjectNode> messages = new CopyOnWriteArrayList<>();

        SentUidl(Page page) {
            page.onRequest(r -> {
                if (r.url().contains("v-r=uidl") && "xhr".equals(r.resourceType()) && r.postData() != null) {
                    add(r.postData());
                }
            });
            page.onWebSocket(ws -> ws.onFrameSent(f -> add(f.text())));
        }

        private void add(String raw) {
            if (raw == null) {
                return;
            }
            int brace = raw.indexOf('{'); // websocket frames carry Atmosphere's "<length>|" before the JSON
            if (brace < 0) {
                return;
            }
            try {
                if (JSON.readTree(raw.substring(brace)) instanceof ObjectNode o && o.has("rpc")) {
                    messages.add(o);
                }
            } catch (RuntimeException notJson) {
                // a partial or non-UIDL frame
            }
        }

        /**
         * The client's latest message in the page's current UI: the highest client id (Playwright may report an XHR
         * and a websocket frame out of order). Call {@link #clear()} before the page loads another UI.
         */
        ObjectNode last() {
            return messages.stream().max(java.util.Comparator.comparingInt(m -> m.get("clientId").asInt()))
                    .orElseThrow();
        }

        void clear() {
            messages.clear();
        }

        /** The message that carried a click on this node. */
        ObjectNode clickOn(int node) {
            return messages.stream().filter(m -> clickIn(m, node) != null).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError("no click on node " + node + " among " + messages));
        }

        static JsonNode clickIn(ObjectNode message, int node) {
            for (JsonNode rpc : message.get("rpc")) {
                if ("event".equals(rpc.path("type").asString()) && "click".equals(rpc.path("event").asString())
                        && rpc.path("node").asInt() == node) {
                    return rpc;
                }
            }
            return null;
        }
    }

    /** The answer of the server to a forged message. */
    record Answer(int status, String text) {
        /** The UIDL response object ({@code for(;;);[{...}]}). */
        ObjectNode uidl() {
            String body = text.startsWith("for(;;);") ? text.substring("for(;;);".length()) : text;
            JsonNode json = JSON.readTree(body);
            return (ObjectNode) (json.isArray() ? json.get(0) : json);
        }

        /** Whether the server sent the page no change at all: no node changed, no script to run. */
        boolean changesNothing() {
            var uidl = uidl();
            return uidl.path("changes").isEmpty() && uidl.path("execute").isEmpty();
        }
    }

    /** The page's Flow client, as JavaScript ({@code window.Vaadin.Flow.clients} also lists other entries). */
    private static final String FLOW = "Object.values(window.Vaadin.Flow.clients).find(c => c.getNodeId)";

    /** Waits until the page's Vaadin client has no request in flight. */
    private void idle() {
        page.waitForFunction("() => { const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && " + FLOW + "; return c && !c.isActive(); }");
    }

    /** Opens a page (a new Vaadin UI) with the record of sent messages started afresh, and waits until it is idle. */
    private void openRecording(SentUidl sent, String path) {
        idle(); // every event of the previous page has reached the record before it is cleared
        sent.clear();
        // the pointer rests in a corner: a tooltip opening under it would be a message of the client's own, racing
        // the forged ones for the same client id
        page.mouse().move(1279, 899);
        open(path);
        idle();
    }

    /** The state node id Vaadin gave the element, read from the page's own Flow client. */
    private int nodeId(Locator element) {
        return ((Number) element.evaluate("e => " + FLOW + ".getNodeId(e)")).intValue();
    }

    private int uiId() {
        return ((Number) page.evaluate("() => " + FLOW + ".getUIId()")).intValue();
    }

    /** Posts a UIDL message from the page, as any script in the member's browser can. */
    private Answer forge(ObjectNode message) {
        @SuppressWarnings("unchecked")
        var result = (Map<String, Object>) page.evaluate("""
                async ([url, body]) => {
                  const r = await fetch(url, {method: 'POST', body,
                      headers: {'Content-Type': 'application/json; charset=UTF-8'}});
                  return {status: r.status, text: await r.text()};
                }""", List.of(url("/?v-r=uidl&v-uiId=" + uiId()), message.toString()));
        return new Answer(((Number) result.get("status")).intValue(), (String) result.get("text"));
    }

    /**
     * A message in the member's own name: their CSRF token and the ids their client would send next, carrying the
     * given invocations. {@code ahead} counts forged messages already sent since the client's last one.
     */
    private ObjectNode ownMessage(SentUidl mine, int ahead, JsonNode... rpc) {
        var last = mine.last();
        var message = JSON.createObjectNode();
        message.put("csrfToken", last.get("csrfToken").asString());
        var invocations = message.putArray("rpc");
        for (JsonNode r : rpc) {
            invocations.add(r);
        }
        message.put("syncId", last.get("syncId").asInt());
        message.put("clientId", last.get("clientId").asInt() + 1 + ahead);
        return message;
    }

    /** A click as the browser reports it to Vaadin (the event data {@code ClickEvent} asks for). */
    private static ObjectNode click(int node) {
        var rpc = JSON.createObjectNode();
        rpc.put("type", "event");
        rpc.put("node", node);
        rpc.put("event", "click");
        var data = rpc.putObject("data");
        for (String key : List.of("screenX", "screenY", "clientX", "clientY", "button")) {
            data.put("event." + key, 0);
        }
        data.put("event.detail", 1);
        for (String key : List.of("ctrlKey", "shiftKey", "altKey", "metaKey")) {
            data.put("event." + key, false);
        }
        return rpc;
    }

    private long reactions(long postId, Account member) {
        return jdbc.sql("select count(*) from debate_reaction where post_id = :post and account_id = :account")
                .param("post", postId).param("account", member.id().value()).query(Long.class).single();
    }

    /** A thread by one member with replies by two others. */
    private record Debate(Topic topic, Post reply, Post otherReply) {
    }

    private Debate debate() {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("Crafted UIDL " + UUID.randomUUID() + "?", 3, List.of(), Stance.NEUTRAL,
                "Will the machines take the night shift?", null);
        testAccounts.signIn(testAccounts.member());
        var reply = debates.post(topic.id(), null, Stance.CON, null, "Not before the day shift.", null);
        testAccounts.signIn(testAccounts.member());
        var otherReply = debates.post(topic.id(), null, Stance.PRO, null, "They already do, in warehouses.", null);
        TestAccounts.signOut();
        return new Debate(topic, reply, otherReply);
    }

    @Test
    void a_moderators_recorded_lock_click_replayed_from_a_members_browser_locks_nothing() {
        var debate = debate();
        long topicId = debate.topic().id();
        var moderator = testAccounts.moderator();
        var member = testAccounts.member();

        // the moderator locks the thread and unlocks it again; their browser's messages are recorded
        var moderatorContext = newContext();
        Page memberPage = page;
        page = moderatorContext.newPage();
        var moderatorSent = new SentUidl(page);
        logIn(moderator.username(), TestAccounts.PASSWORD, TestAccounts.totpCode(testAccounts.secretOf(moderator)));
        open("/threads/" + topicId);
        var panel = page.locator(".agora-thread-controls");
        panel.getByText("Thread controls (staff)").click();
        panel.getByRole(AriaRole.TEXTBOX, lname("Reason (kept in the audit log)")).fill("Cooling down.");
        var lock = panel.getByRole(AriaRole.BUTTON, lname("Lock thread"));
        int lockNode = nodeId(lock);
        lock.click();
        page.waitForCondition(() -> threadControls.state(topicId).locked());
        idle();
        ObjectNode recorded = moderatorSent.clickOn(lockNode);
        // the page rebuilt its controls, folded
        panel.getByText("Thread controls (staff)").click();
        panel.getByRole(AriaRole.TEXTBOX, lname("Reason (kept in the audit log)")).fill("Cooled down.");
        panel.getByRole(AriaRole.BUTTON, lname("Unlock thread")).click();
        page.waitForCondition(() -> !threadControls.state(topicId).locked());
        moderatorContext.close();

        // the member opens the same thread
        page = memberPage;
        var memberSent = new SentUidl(page);
        logIn(member.username(), TestAccounts.PASSWORD);
        openRecording(memberSent, "/threads/" + topicId);

        // the recording replayed as it is: the moderator's CSRF token is not the member's, so Vaadin refuses it
        var replay = forge(recorded);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.uidl().path("meta").has("appError")).as(replay.text()).isTrue(); // "reload the page"
        assertThat(replay.uidl().path("syncId").asInt()).isEqualTo(-1);
        assertThat(threadControls.state(topicId).locked()).isFalse();

        // the click alone, on the lock button's node id, in a message of the member's own (their token, the next
        // client id): Vaadin takes it, but in the member's page that node id is something else, and nothing locks
        var click = forge(ownMessage(memberSent, 0, click(lockNode)));
        assertThat(click.status()).isEqualTo(200);
        assertThat(click.uidl().path("clientId").asInt()).as("the server took the message: " + click.text())
                .isEqualTo(memberSent.last().get("clientId").asInt() + 2);
        assertThat(threadControls.state(topicId).locked()).isFalse();
        // all the moderator's invocations in the member's next message: the node ids mean other things in the
        // member's page, which has no staff controls at all; today the reason's "value" lands on an element that
        // syncs none, and Vaadin refuses the whole message ("Internal error" for the page to reload; no 5xx). Sent
        // last: the page's error notification then makes the member's own client send a message with the next id.
        var forged = forge(ownMessage(memberSent, 1, recorded.get("rpc").valueStream().toArray(JsonNode[]::new)));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.uidl().has("clientId") || forged.uidl().path("meta").has("appError")).as(forged.text())
                .isTrue();
        var state = threadControls.state(topicId);
        assertThat(state.locked()).isFalse();
        assertThat(state.pinned()).isFalse();

        // and the member's browser still works: after a reload a real click counts
        open("/threads/" + topicId);
        page.locator("#post-" + debate.reply().id()).getByRole(AriaRole.BUTTON).first().click();
        assertThat(page.locator("#post-" + debate.reply().id() + " vaadin-button").first())
                .hasAttribute("aria-pressed", "true");
        assertThat(reactions(debate.reply().id(), member)).isEqualTo(1);
    }

    private Debate debateWithAHiddenReply() {
        var debate = debate();
        testAccounts.signIn(testAccounts.moderator());
        postModeration.hidePost(debate.otherReply().id(), "Off topic.");
        TestAccounts.signOut();
        return debate;
    }

    /** The "Convincing" button of a post (disabled where the reader may not use it). */
    private Locator convincing(Post post) {
        return page.locator("#post-" + post.id() + " .agora-post-actions vaadin-button").first();
    }

    @Test
    void forged_clicks_on_a_disabled_or_hidden_button_of_the_members_own_page_run_nothing() {
        var debate = debateWithAHiddenReply();
        var member = testAccounts.member();
        var sent = new SentUidl(page);
        logIn(member.username(), TestAccounts.PASSWORD);
        openRecording(sent, "/threads/" + debate.topic().id());
        assertThat(page.locator("#post-" + debate.otherReply().id())).containsText("Hidden by moderators.");
        // disabled: a hidden post's "Convincing" (its listener would mark it, and the service would let it)
        var disabled = convincing(debate.otherReply());
        assertThat(disabled).isDisabled();
        int disabledNode = nodeId(disabled);
        // invisible: the thread's hidden buttons ("new activity — refresh", "load more", "jump to unread")
        var hidden = page.locator("section.agora-debate > vaadin-button[hidden]");
        assertThat(hidden.count()).isPositive();
        var hiddenNodes = new ArrayList<Integer>();
        for (int i = 0; i < hidden.count(); i++) {
            hiddenNodes.add(nodeId(hidden.nth(i)));
        }
        idle();

        var answer = forge(ownMessage(sent, 0, click(disabledNode)));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.uidl().path("clientId").asInt()).as("the server took the message")
                .isEqualTo(sent.last().get("clientId").asInt() + 2);
        assertThat(answer.changesNothing()).as(answer.text()).isTrue();
        assertThat(reactions(debate.otherReply().id(), member)).isZero();
        int ahead = 1;
        for (int node : hiddenNodes) {
            var hiddenAnswer = forge(ownMessage(sent, ahead++, click(node)));
            assertThat(hiddenAnswer.status()).isEqualTo(200);
            assertThat(hiddenAnswer.changesNothing()).as(hiddenAnswer.text()).isTrue();
        }

        // the same forged click on an enabled button does run: the forgery itself is sound
        openRecording(sent, "/threads/" + debate.topic().id());
        var enabled = forge(ownMessage(sent, 0, click(nodeId(convincing(debate.reply())))));
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.changesNothing()).isFalse();
        assertThat(reactions(debate.reply().id(), member)).isEqualTo(1);
        assertThat(reactions(debate.otherReply().id(), member)).isZero();
    }

    @Test
    void a_disabled_button_enabled_in_the_members_dom_and_clicked_runs_nothing() {
        var debate = debateWithAHiddenReply();
        var member = testAccounts.member();
        var sent = new SentUidl(page);
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/threads/" + debate.topic().id());
        var button = convincing(debate.otherReply());
        assertThat(button).isDisabled();
        int node = nodeId(button);
        idle();
        int before = sent.messages.size();

        button.evaluate("b => b.removeAttribute('disabled')");
        assertThat(button).isEnabled();
        button.click();
        // the browser did send the click to the server ...
        page.waitForCondition(() -> sent.messages.stream().skip(before).anyMatch(m -> SentUidl.clickIn(m, node) != null));
        idle();
        // ... which ignored it
        assertThat(reactions(debate.otherReply().id(), member)).isZero();

        // and the page goes on working: a real click on a visible post counts
        convincing(debate.reply()).click();
        assertThat(convincing(debate.reply())).hasAttribute("aria-pressed", "true");
        assertThat(reactions(debate.reply().id(), member)).isEqualTo(1);
        assertThat(reactions(debate.otherReply().id(), member)).isZero();
    }

    @Test
    void forged_typed_tags_leave_the_tag_list_small_and_a_request_for_a_million_rows_sends_only_what_it_has() {
        var member = testAccounts.member();
        var sent = new SentUidl(page);
        logIn(member.username(), TestAccounts.PASSWORD);
        openRecording(sent, "/threads/new");
        var tags = page.locator("vaadin-multi-select-combo-box");
        int node = nodeId(tags);
        idle();
        // 600 new tags, as the browser reports typed ones: the server keeps at most five of them
        int before = sent.messages.size();
        tags.evaluate("c => { for (let i = 0; i < 600; i++) c.dispatchEvent(new CustomEvent('custom-value-set',"
                + " {detail: 'tag-' + i})); }");
        page.waitForCondition(() -> sent.messages.size() > before);
        idle();

        var range = JSON.createObjectNode();
        range.put("type", "publishedEventHandler");
        range.put("node", node);
        range.put("templateEventMethodName", "setViewportRange");
        range.putArray("templateEventMethodArgs").add(0).add(1_000_000).add("");
        var answer = forge(ownMessage(sent, 0, range));
        assertThat(answer.status()).isEqualTo(200);
        int sentItems = -1;
        long size = -1;
        for (JsonNode call : answer.uidl().path("execute")) {
            String script = call.get(call.size() - 1).asString();
            if (script.contains("$connector.set")) {
                for (JsonNode arg : call) {
                    if (arg instanceof ArrayNode items) {
                        sentItems = Math.max(sentItems, items.size());
                    }
                }
            }
            if (script.contains("$connector.updateSize")) {
                size = call.get(1).asLong();
            }
        }
        assertThat(size).as("the list: the suggestions and at most five typed tags").isBetween(1L, 8L + 5);
        assertThat(sentItems).as("rows sent for a request of a million").isBetween(1, (int) size);
    }
}


