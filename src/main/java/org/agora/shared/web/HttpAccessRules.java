package org.agora.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's access rules for its own HTTP endpoints (feeds, JSON API, embeds), applied by the one security
 * configuration before Vaadin's rules, so every endpoint has an explicit rule and no feature edits another's code.
 */
public interface HttpAccessRules {
    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
