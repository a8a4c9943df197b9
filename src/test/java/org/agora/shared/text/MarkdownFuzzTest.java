package org.agora.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.agora.support.HtmlAllowlist;

/**
 * Security case 11: Jazzer fuzzes the Markdown → sanitizer pipeline. Property: whatever a member types, the HTML
 * holds only the allowlisted tags and attributes, every link points to http(s), mailto or a site path, and no
 * markup is left outside those tags. {@code ./mvnw verify} runs the seeds and a short fuzzing run (see pom.xml);
 * fuzz longer with {@code ./mvnw test-compile surefire:test@fuzz -Dtest=MarkdownFuzzTest -Djazzer.max_duration=10m}.
 */
class MarkdownFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void rendered_markdown_passes_the_allowlist(String markdown) {
        if (markdown == null || markdown.length() > Markdown.MAX_INPUT_CHARS) {
            return;
        }
        HtmlAllowlist.assertAllowed(Markdown.toHtml(markdown));
        String text = Markdown.toPlainText(markdown, 200);
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(201);
    }
}
