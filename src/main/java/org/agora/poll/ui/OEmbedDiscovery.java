package org.agora.poll.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.poll.PollEmbedding;
import org.springframework.stereotype.Component;

/**
 * oEmbed discovery: the page of an embeddable poll ({@code /polls/{id}}) carries
 * {@code <link rel="alternate" type="application/json+oembed">}, so CMSs that speak oEmbed embed a pasted poll URL.
 * Written server-side into the page Vaadin serves on a full load, as the feeds' links are.
 */
@Component
class OEmbedDiscovery implements VaadinServiceInitListener {
    private static final Pattern POLL_PATH = Pattern.compile("^/?polls/([0-9]{1,18})/?$");

    private final PollEmbedding embedding;

    OEmbedDiscovery(PollEmbedding embedding) {
        this.embedding = embedding;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::addLink);
    }

    private void addLink(IndexHtmlResponse response) {
        String path = response.getVaadinRequest().getPathInfo();
        Matcher poll = POLL_PATH.matcher(path == null ? "" : path);
        if (!poll.matches() || !embedding.settings(Long.parseLong(poll.group(1))).embeddable()) {
            return;
        }
        String base = embedding.baseUrl();
        String url = base + "/polls/" + poll.group(1);
        response.getDocument().head().appendElement("link").attr("rel", "alternate")
                .attr("type", "application/json+oembed").attr("title", "Agora poll")
                .attr("href", base + "/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&format=json");
    }
}
