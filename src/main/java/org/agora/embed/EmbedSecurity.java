package org.agora.embed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The embed feature's own filter chain, asked before the JSON API's and the browser app's: the widget script, the
 * framable page, oEmbed, and the widget's API calls. Anyone may use them (anonymous voting is guarded by signed
 * voter tokens and rate limits, not by a login); no session is created or read, no cookie set, so no CSRF token is
 * needed. CORS follows each poll's allowed origins ({@link EmbedCors}). Framing: Spring Security's
 * {@code X-Frame-Options} is off here; every response gets {@code frame-ancestors 'none'} unless the controller set
 * its own policy (only {@code /embed/poll/{id}} does, from the poll's origins).
 */
@Configuration(proxyBeanMethods = false)
class EmbedSecurity {
    static final String[] API = {"/api/v1/polls/*/widget", "/api/v1/polls/*/voter-token", "/api/v1/polls/*/ballots",
            "/api/v1/polls/*/events"};
    static final String DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain embedChain(HttpSecurity http, EmbedCors cors) throws Exception {
        String[] paths = new String[API.length + 3];
        System.arraycopy(API, 0, paths, 0, API.length);
        paths[API.length] = "/embed/**";
        paths[API.length + 1] = "/widget/**";
        paths[API.length + 2] = "/oembed";
        http.securityMatcher(paths)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/polls/*/voter-token", "/api/v1/polls/*/ballots").permitAll()
                        .requestMatchers(HttpMethod.GET, paths).permitAll()
                        .requestMatchers(HttpMethod.HEAD, paths).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, paths).permitAll()
                        .anyRequest().denyAll())
                .cors(c -> c.configurationSource(cors))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .addHeaderWriter((request, response) -> {
                            if (!response.containsHeader("Content-Security-Policy")) {
                                response.setHeader("Content-Security-Policy", DEFAULT_POLICY);
                            }
                        })
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }
}
