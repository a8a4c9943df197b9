package org.agora.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import org.agora.account.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings admins change at runtime (moderation_setting), falling back to configuration: for now the number of
 * flags from different members that hides content pending review ({@code agora.moderation.auto-hide-flags}).
 */
@Service
public class ModerationSettings {
    public static final int AUTO_HIDE_MIN = 1;
    public static final int AUTO_HIDE_MAX = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int configuredAutoHideFlags;

    ModerationSettings(JdbcClient jdbc, Clock clock,
                       @Value("${agora.moderation.auto-hide-flags:3}") int configuredAutoHideFlags) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configuredAutoHideFlags = configuredAutoHideFlags;
    }

    /** The flags from different members that hide content pending review. */
    @Transactional(readOnly = true)
    public int autoHideFlags() {
        return jdbc.sql("select value from moderation_setting where name = 'AUTO_HIDE_FLAGS'")
                .query(Integer.class).optional().orElse(configuredAutoHideFlags);
    }

    /** An admin sets the auto-hide threshold (1–100); null goes back to the configured default. */
    @PreAuthorize("hasRole('ADMIN') and @staffSecurity.twoFactorVerified()")
    @Transactional
    public void setAutoHideFlags(Integer flags) {
        if (flags == null) {
            jdbc.sql("delete from moderation_setting where name = 'AUTO_HIDE_FLAGS'").update();
            return;
        }
        if (flags < AUTO_HIDE_MIN || flags > AUTO_HIDE_MAX) {
            throw new ModerationException("autoHideFlags", "settings.autoHideRange", AUTO_HIDE_MIN, AUTO_HIDE_MAX);
        }
        jdbc.sql("""
                        insert into moderation_setting (name, value, updated_at, updated_by)
                        values ('AUTO_HIDE_FLAGS', :value, :now, :by)
                        on conflict (name) do update set value = excluded.value, updated_at = excluded.updated_at,
                                                         updated_by = excluded.updated_by
                        """)
                .param("value", flags).param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentUser.require().id().value()).update();
    }

    public int configuredAutoHideFlags() {
        return configuredAutoHideFlags;
    }
}
