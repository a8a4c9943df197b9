package org.agora.moderation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** A link that downloads CSV made when it is clicked (in that request, with its user's rights). */
final class Csvs {
    private Csvs() {
    }

    static Anchor link(String text, String fileName, Supplier<String> csv) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csv.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv; charset=utf-8",
                    bytes.length);
        }), text);
        anchor.addClassName("agora-csv-link");
        return anchor;
    }
}
