package org.agora.shared.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.agora.shared.web.HttpAccessRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The API's OpenAPI 3.1 document ({@code /api/v1/openapi.json}, built by springdoc from the features' API
 * controllers, see {@code springdoc.packages-to-scan}) and its Swagger UI page ({@code /api/docs}); both are public.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {
    /** The security scheme of operations that need a personal token ({@code @SecurityRequirement(name = TOKEN)}). */
    public static final String TOKEN = "token";

    /** The server is the configured public address, never the request's Host header. */
    @Bean
    OpenAPI agoraOpenApi(@Value("${agora.base-url:http://localhost:8080}") String baseUrl) {
        return new OpenAPI()
                .servers(List.of(new Server().url(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)))
                .info(new Info().title("Agora JSON API").version("v1")
                        .description("""
                                Read threads, posts and polls; start threads, post and vote with a personal API token \
                                (create one on your account page, /account). Send it as `Authorization: Bearer <token>`. \
                                Errors are RFC 9457 problem details with a `code`.""")
                        .license(new License().name("AGPL-3.0-or-later")))
                .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal API token, `agora_…`; WRITE scope to post or vote")));
    }

    /** The docs page and its assets live outside /api/v1, so the browser chain needs a rule for them. */
    @Bean
    HttpAccessRules apiDocsAccess() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/docs", "/api/swagger-ui/**").permitAll();
    }
}
