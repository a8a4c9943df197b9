package org.agora.account;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.agora.account.ui.LoginView;
import org.agora.shared.db.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. Two filter chains: the JSON API ({@code /api/v1/**}), stateless and authenticated by
 * personal tokens, and the browser app (everything else). Views declare their own rule
 * ({@code @AnonymousAllowed}, {@code @PermitAll}, {@code @RolesAllowed}); services check again with method
 * security. Headers are written eagerly so they also reach Vaadin's views (served through a forward).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {
    /** Vaadin Flow needs inline styles and eval for its client engine; everything else is locked to 'self'. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * The JSON API: no session, no cookie, no CSRF token (a bearer token in a header is not sent by the
     * browser on its own, so another site cannot forge a request with it). Anyone may read; one's own ballot
     * needs a token (any scope); writing (POST, and DELETE of one's ballot) needs a token with the WRITE scope.
     * Every other method is denied.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens, JsonMapper json) throws Exception {
        var problems = new ApiProblemResponses(json);
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/polls/*/ballot").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/polls/*/ballot").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/**").hasAuthority(ApiScope.WRITE_AUTHORITY)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/polls/*/ballot").hasAuthority(ApiScope.WRITE_AUTHORITY)
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /**
     * Actuator endpoints: health (with its database check) for anyone, so that nginx, systemd or a load balancer
     * may probe it; Prometheus metrics only (a) on the management port ({@code management.server.port}, which
     * production binds to a private address that nginx never forwards to), (b) with the scrape token
     * ({@code agora.metrics.scrape-token}, as {@code Authorization: Bearer …}), or (c) for a signed-in ADMIN.
     * Everything else under /actuator needs an ADMIN. No session is made here and no login page is offered.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http,
                                      @Value("${agora.metrics.scrape-token:}") String scrapeToken,
                                      @Value("${management.server.port:-1}") int managementPort,
                                      @Value("${server.port:8080}") int serverPort) throws Exception {
        var metrics = new MetricsAccess(scrapeToken, managementPort > 0 && managementPort != serverPort ? managementPort : -1);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(metrics)
                        .anyRequest().hasRole("ADMIN"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        new org.springframework.security.web.authentication.HttpStatusEntryPoint(
                                org.springframework.http.HttpStatus.UNAUTHORIZED)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /** Vaadin's bundle, Lumo, Agora's own styles and images: versioned or cacheable files, no user data. */
    static final org.springframework.security.web.util.matcher.RequestMatcher STATIC_FILES =
            new org.springframework.security.web.util.matcher.OrRequestMatcher(
                    java.util.stream.Stream.of("/VAADIN/build/**", "/VAADIN/static/**", "/lumo/**", "/aura/**",
                                    "/styles/**", "/images/**", "/favicon.ico")
                            .map(p -> (org.springframework.security.web.util.matcher.RequestMatcher)
                                    org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                            .withDefaults().matcher(p))
                            .toList());

    /** The browser app: everything the API chain does not match. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionTracker sessionTracker, SessionMaxAge sessionMaxAge,
                                            java.util.List<org.agora.shared.web.HttpAccessRules> featureRules) throws Exception {
        // Anything not listed here and not a Vaadin route stays denied (Vaadin's default); the error page that
        // says so must itself be reachable, or the browser gets an empty 403.
        http.authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                .requestMatchers("/styles/**", "/images/**", "/favicon.ico", "/robots.txt").permitAll());
        // each feature's own endpoints (feeds, API, embeds) with their explicit rules
        http.authorizeHttpRequests(auth -> featureRules.forEach(rules -> rules.configure(auth)));
        // the login page is set here too: this form-login configurer initialises before Vaadin's sets it
        http.formLogin(form -> form.loginPage("/login").failureHandler(loginFailureHandler()));
        http.addFilterBefore(new LoginOriginCheck(),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        http.sessionManagement(session -> session.addSessionAuthenticationStrategy(sessionTracker)
                .addSessionAuthenticationStrategy(sessionMaxAge));
        // a URL that needs a login, asked for between the password and the code, leads to the code page
        http.exceptionHandling(e -> e.accessDeniedHandler(new SecondFactorAccessDeniedHandler()));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                // pages and UIDL answers are never cached; static files keep the caching their handler gives them
                // (Spring Security's Pragma: no-cache made browsers re-check all ~23 bundle files on every visit)
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter(
                        new org.springframework.security.web.util.matcher.NegatedRequestMatcher(STATIC_FILES),
                        new org.springframework.security.web.header.writers.CacheControlHeadersWriter()))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        return http.with(vaadin(), vaadin -> vaadin
                        .loginView(LoginView.class)
                        .addLogoutHandler(sessionTracker))
                .build();
    }

    private static ExceptionMappingAuthenticationFailureHandler loginFailureHandler() {
        // a suspension's reason and end are shown on the login page, which finds them in the session
        var handler = new ExceptionMappingAuthenticationFailureHandler() {
            @Override
            public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response,
                                                org.springframework.security.core.AuthenticationException exception)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (exception instanceof LoginExceptions.Suspended) {
                    saveException(request, exception);
                }
                super.onAuthenticationFailure(request, response, exception);
            }
        };
        handler.setExceptionMappings(Map.of(
                LoginExceptions.Throttled.class.getName(), "/login?throttled",
                LoginExceptions.EmailNotVerified.class.getName(), "/login?unconfirmed",
                LoginExceptions.Suspended.class.getName(), "/login?suspended"));
        handler.setDefaultFailureUrl("/login?error");
        return handler;
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Bean
    AccountUserDetailsService accountUserDetailsService(AccountRepository accounts) {
        return new AccountUserDetailsService(accounts);
    }

    /** The only authentication provider: Spring Security builds its AuthenticationManager from it. */
    @Bean
    ThrottledAuthenticationProvider authenticationProvider(LoginThrottle throttle, AccountUserDetailsService users,
                                                           PasswordHasher hasher, TwoFactorService twoFactor,
                                                           AccountStanding standing, Clock clock) {
        return new ThrottledAuthenticationProvider(throttle, users, hasher, twoFactor, standing, clock);
    }

    /**
     * The key that seals TOTP secrets at rest: {@code agora.security.totp-key} (base64 of 32 random bytes, the same
     * on every node); on the embedded database only, a generated development key beside its data directory.
     */
    @Bean
    TotpSecretCipher totpSecretCipher(@Value("${agora.security.totp-key:}") String key, DatabaseMode database,
                                      @Value("${agora.embedded-db.data-dir:data/postgres}") Path embeddedDataDir) {
        return TotpSecretCipher.fromConfig(key, database, embeddedDataDir);
    }

    @Bean
    SessionTracker sessionTracker(SessionRepository sessions, Clock clock) {
        return new SessionTracker(sessions, clock);
    }

    /** Runs before Spring Security so that a session ended on another node is gone before it is read. */
    @Bean
    FilterRegistrationBean<SessionTracker> sessionTrackerFilter(SessionTracker tracker) {
        var registration = new FilterRegistrationBean<>(tracker);
        registration.setOrder(-110);
        return registration;
    }

    /** The absolute session lifetime (see {@link SessionMaxAge} for why 12 hours); the idle one is 30 minutes. */
    @Bean
    SessionMaxAge sessionMaxAge(@Value("${agora.security.session-max-age:12h}") Duration maxAge, Clock clock) {
        return new SessionMaxAge(maxAge, clock);
    }

    /** Runs before the session tracker and Spring Security: a session too old is gone before anything reads it. */
    @Bean
    FilterRegistrationBean<SessionMaxAge> sessionMaxAgeFilter(SessionMaxAge maxAge) {
        var registration = new FilterRegistrationBean<>(maxAge);
        registration.setOrder(-115);
        return registration;
    }

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }
}
