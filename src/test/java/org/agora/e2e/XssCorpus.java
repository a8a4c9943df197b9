package org.agora.e2e;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The XSS payload corpus ({@code src/test/resources/security/xss-payloads.txt}) and the in-page check that nothing
 * from it ran or became markup, shared by the browser tests of security case 1.
 */
final class XssCorpus {
    private XssCorpus() {
    }

    static List<String> payloads() throws IOException {
        var payloads = new ArrayList<String>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/security/xss-payloads.txt"))) {
            if (!line.isBlank() && !line.startsWith("# ")) {
                payloads.add(line.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
                        .replace("\\u0000", "\u0000").replace("\\u200b", "\u200b"));
            }
        }
        return payloads;
    }

    /** At most {@code max} characters of a payload (for fields with a length limit). */
    static String cut(String payload, int max) {
        return payload.length() > max ? payload.substring(0, max) : payload;
    }

    /** Whitespace collapsed, so text from the page and from the database compare. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Records (and dismisses) every JS dialog the page or one of its frames opens. */
    static List<String> dialogs(Page page) {
        var dialogs = new CopyOnWriteArrayList<String>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        return dialogs;
    }

    /**
     * What must not exist in a page built from the corpus, and whether any handler ran. It looks into every open
     * shadow root too: no event-handler attribute and no javascript:/data: URL anywhere; no script, frame, object,
     * image, form, style or the like in a Vaadin view's {@code <main>}; inside an {@code <agora-poll>} widget only
     * the elements agora-poll.js builds itself; and the widget's iframe page holds nothing but the widget.
     */
    private static final String INSPECT = """
            () => {
              const bad = [];
              if (window.__xss) bad.push('window.__xss was set');
              const roots = [document];
              for (let i = 0; i < roots.length; i++) {
                const where = i === 0 ? '' : roots[i].host.tagName + ' shadow: ';
                for (const e of roots[i].querySelectorAll('*')) {
                  if (e.shadowRoot) roots.push(e.shadowRoot);
                  for (const a of e.attributes) {
                    if (/^on/i.test(a.name)) bad.push(where + e.tagName + '[' + a.name + ']');
                    if (/^(href|src|action|formaction|xlink:href|data|background|cite)$/i.test(a.name)
                        && /^\\s*(javascript|vbscript|data):/i.test(a.value)) bad.push(where + e.tagName + '[' + a.name + '=' + a.value + ']');
                  }
                }
              }
              for (const e of document.querySelectorAll('main script, main iframe, main object, main embed, main img, main svg script, main form, main base, main meta, main link, main style'))
                bad.push('element ' + e.tagName);
              const widget = new Set(['DIV', 'H2', 'H3', 'P', 'FORM', 'FIELDSET', 'LEGEND', 'LABEL', 'INPUT', 'SPAN',
                'BUTTON', 'SECTION', 'SMALL', 'BLOCKQUOTE', 'B', 'A']);
              for (const root of roots) {
                if (root !== document && root.host.tagName === 'AGORA-POLL') {
                  for (const e of root.querySelectorAll('*')) if (!widget.has(e.tagName)) bad.push('AGORA-POLL shadow: element ' + e.tagName);
                }
              }
              if (document.querySelector('body > agora-poll[framed]')) {
                for (const e of document.body.querySelectorAll('*')) if (e.tagName !== 'AGORA-POLL') bad.push('embed page: element ' + e.tagName);
              }
              return bad;
            }
            """;

    /** The problems {@link #INSPECT} finds in the page, each prefixed with {@code where}. */
    static List<String> inspect(Page page, String where) {
        return inspect(page.mainFrame(), where);
    }

    /** The problems {@link #INSPECT} finds in one frame, each prefixed with {@code where}. */
    @SuppressWarnings("unchecked")
    static List<String> inspect(Frame frame, String where) {
        return ((List<String>) frame.evaluate(INSPECT)).stream().map(b -> where + ": " + b).toList();
    }
}
