package org.agora.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Method security for staff tools: the caller is a MODERATOR or ADMIN whose session passed a second factor
 * (see {@link StaffSecurity}). Put it on a service method or class, e.g. the moderation services.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('MODERATOR') and @staffSecurity.twoFactorVerified()")
public @interface StaffWithTwoFactor {
}
