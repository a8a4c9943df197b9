package org.agora.debate.feed;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Feed autodiscovery: every page's head, as served to browsers and feed readers (which run no JavaScript),
 * links the latest-threads feed, and a thread page also links its own feed. Written server-side into the
 * page Vaadin serves on a full load; views are untouched.
 */
@Component
class FeedDiscovery implements VaadinServiceInitListener {
    private static final Pattern THREAD_PATH = Pattern.compile("^/?threads/([0-9]{1,18})(?:/[^/]*)?/?$");

    private final String base;

    FeedDiscovery(@Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::addLinks);
    }

    private void addLinks(IndexHtmlResponse response) {
        var head = response.getDocument().head();
        link(head, "Agora: latest threads", base + "/feeds/threads.atom");
        String path = response.getVaadinRequest().getPathInfo();
        Matcher thread = THREAD_PATH.matcher(path == null ? "" : path);
        if (thread.matches()) {
            link(head, "Agora: posts in this thread", base + "/feeds/threads/" + thread.group(1) + ".atom");
        }
    }

    private static void link(org.jsoup.nodes.Element head, String title, String href) {
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", title).attr("href", href);
    }
}
