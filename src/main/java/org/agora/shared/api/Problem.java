package org.agora.shared.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Only for the OpenAPI document: the shape of every API error ({@link ApiErrorAdvice}, {@link Problems}). */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(@Schema(example = "about:blank") String type, @Schema(example = "Bad Request") String title,
                      @Schema(example = "400") int status,
                      @Schema(example = "Write something before posting.") String detail,
                      @Schema(example = "/api/v1/threads/1/posts") String instance,
                      @Schema(description = "stable error code (a message key)", example = "post.empty") String code,
                      @Schema(description = "the request field the error is about, if any", example = "body",
                              nullable = true) String field) {
}
