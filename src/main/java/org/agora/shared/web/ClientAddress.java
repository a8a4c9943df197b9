package org.agora.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as the servlet container sees it. Behind a proxy, set
 * {@code server.forward-headers-strategy=native} so that only the trusted proxy's X-Forwarded-For counts;
 * a client-sent header is never trusted here.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
