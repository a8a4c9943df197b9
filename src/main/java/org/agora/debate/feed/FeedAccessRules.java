package org.agora.debate.feed;

import org.agora.shared.web.HttpAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Feeds are public: feed readers never sign in. Only reading (GET, and HEAD which Spring answers alike). */
@Component
class FeedAccessRules implements HttpAccessRules {
    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/feeds/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/feeds/**").permitAll();
    }
}
