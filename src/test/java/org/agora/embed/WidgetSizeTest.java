package org.agora.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The widget stays small: the build fails when it grows past 30 KB gzipped. */
class WidgetSizeTest {
    static final int MAX_GZIPPED_BYTES = 30 * 1024;

    @Test
    void the_widget_is_at_most_30_kb_gzipped() throws Exception {
        byte[] script = Files.readAllBytes(Path.of("frontend/widget/agora-poll.js"));
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(script);
        }
        System.out.println("agora-poll.js: " + script.length + " bytes, " + out.size() + " gzipped");
        assertThat(out.size()).isLessThanOrEqualTo(MAX_GZIPPED_BYTES);
    }

    @Test
    void the_widget_uses_no_framework_and_no_module_imports() throws Exception {
        String script = Files.readString(Path.of("frontend/widget/agora-poll.js"));
        assertThat(script).doesNotContain("import ").contains("customElements.define('agora-poll'")
                .contains("attachShadow");
    }
}
