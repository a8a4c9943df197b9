package org.agora.shared.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the JSON API ({@code /api/v1}): {@link ApiErrorAdvice} answers its errors as problem
 * details. A feature maps its own exceptions with its own advice, scoped to its controllers and ordered before
 * this one (see {@link ApiErrorAdvice}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonApi {
}
