package org.agora.shared.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under {@code /api/v1} is a 404 problem, not Vaadin's HTML page (which would also open a
 * session on an API call).
 */
@Hidden
@JsonApi
@RestController
class ApiNotFound {
    @RequestMapping("/api/v1/**")
    void notFound() {
        throw new ApiException(HttpStatus.NOT_FOUND, "api.notFound");
    }
}
