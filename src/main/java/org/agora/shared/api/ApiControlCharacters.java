package org.agora.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters and path segments of the API and the feeds never carry control characters (NUL above all,
 * which PostgreSQL refuses in text): such a request is a 400 problem at the door, before any controller or query.
 * Bodies are cleaned field by field by the services ({@code shared.text.TextInput}).
 */
@Configuration(proxyBeanMethods = false)
class ApiControlCharacters {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiControlCharactersFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (hasControlCharacter(request.getServletPath()) || hasControlCharacter(request.getPathInfo()) || request.getParameterMap().entrySet().stream()
                        .anyMatch(e -> hasControlCharacter(e.getKey())
                                || java.util.Arrays.stream(e.getValue()).anyMatch(ApiControlCharacters::hasControlCharacter))) {
                    response.setStatus(400);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("""
                            {"title":"Bad Request","status":400,"detail":"Parameters cannot contain control characters.","code":"api.controlCharacters"}""");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/v1/*", "/feeds/*");
        registration.setOrder(-190);
        return registration;
    }

    static boolean hasControlCharacter(String s) {
        return s != null && s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
