package org.agora.shared.web;

import org.apache.catalina.Context;
import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sticky sessions behind nginx: with {@code agora.node.route} set (env {@code AGORA_NODE_ROUTE}, e.g. {@code a}),
 * Tomcat's jvmRoute appends ".a" to every session id it makes ({@code JSESSIONID=4F…C2.a}), including the new id
 * given at login. nginx reads that suffix and sends the session's requests to the node that holds it (see
 * {@code deploy/nginx/agora.conf}); a Vaadin UI lives in one JVM's memory, so it must.
 */
@Component
class NodeRoute implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
    private final String route;

    NodeRoute(@Value("${agora.node.route:}") String route) {
        if (StringUtils.hasText(route) && !route.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("agora.node.route must be 1-32 of a-z, 0-9, _ or -: " + route);
        }
        this.route = route;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (!StringUtils.hasText(route)) {
            return;
        }
        // The engine is the context's grandparent once the context is added to its host, which happens after
        // customizers run: set the route just before the context (and so its session manager) starts.
        factory.addContextCustomizers((Context context) -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && context.getParent() != null && context.getParent().getParent() instanceof Engine engine) {
                engine.setJvmRoute(route);
            }
        }));
    }
}
