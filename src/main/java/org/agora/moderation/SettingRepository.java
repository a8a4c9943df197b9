package org.agora.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.agora.shared.filter.ContentFilter.NewAccountLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runtime settings (moderation_setting), each falling back to its configured default when it has no row. */
@Repository
class SettingRepository {
    static final String AUTO_HIDE_FLAGS = "AUTO_HIDE_FLAGS";
    static final String NEW_ACCOUNT_HOURS = "NEW_ACCOUNT_HOURS";
    static final String NEW_ACCOUNT_POSTS = "NEW_ACCOUNT_POSTS";
    static final String NEW_ACCOUNT_LINKS = "NEW_ACCOUNT_LINKS";

    private final JdbcClient jdbc;
    private final NewAccountLimits configuredLimits;

    SettingRepository(JdbcClient jdbc,
                      @Value("${agora.moderation.new-account-hours:24}") int hours,
                      @Value("${agora.moderation.new-account-approved-posts:3}") int posts,
                      @Value("${agora.moderation.new-account-links:2}") int links) {
        this.jdbc = jdbc;
        this.configuredLimits = new NewAccountLimits(hours, posts, links);
    }

    Optional<Integer> value(String name) {
        return jdbc.sql("select value from moderation_setting where name = :name").param("name", name)
                .query(Integer.class).optional();
    }

    void set(String name, int value, Instant now, Long by) {
        jdbc.sql("""
                        insert into moderation_setting (name, value, updated_at, updated_by)
                        values (:name, :value, :now, :by)
                        on conflict (name) do update set value = excluded.value, updated_at = excluded.updated_at,
                                                         updated_by = excluded.updated_by
                        """)
                .param("name", name).param("value", value).param("now", Timestamp.from(now)).param("by", by)
                .update();
    }

    void clear(String name) {
        jdbc.sql("delete from moderation_setting where name = :name").param("name", name).update();
    }

    NewAccountLimits configuredLimits() {
        return configuredLimits;
    }

    NewAccountLimits newAccountLimits() {
        return new NewAccountLimits(value(NEW_ACCOUNT_HOURS).orElse(configuredLimits.hours()),
                value(NEW_ACCOUNT_POSTS).orElse(configuredLimits.approvedPosts()),
                value(NEW_ACCOUNT_LINKS).orElse(configuredLimits.links()));
    }
}
