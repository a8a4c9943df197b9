package org.agora.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.agora.shared.text.LogSafe;
import org.agora.shared.web.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} on API requests and signs the request in as the token's member,
 * for this request only (nothing goes into a session). A request without a bearer token goes on as a reader;
 * one with an unknown or revoked token is answered 401 at once.
 * <p>
 * Not a bean on purpose: Spring Boot would register it for every request, browser ones included.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.token");

    private final ApiTokenService tokens;
    private final AuthenticationEntryPoint entryPoint;

    ApiTokenFilter(ApiTokenService tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        var caller = tokens.authenticate(token);
        // looked up per request: Vaadin installs its own strategy after this filter is built
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        if (caller.isEmpty()) {
            holder.clearContext();
            log.warn("invalid API token: address={} to={} {}", LogSafe.of(ClientAddress.of(request)),
                    request.getMethod(), LogSafe.of(request.getRequestURI()));
            entryPoint.commence(request, response, new BadCredentialsException("invalid API token"));
            return;
        }
        var context = holder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(caller.get()));
        holder.setContext(context);
        chain.doFilter(request, response);
    }
}
