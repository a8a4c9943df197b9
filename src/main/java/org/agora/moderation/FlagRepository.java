package org.agora.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Flags and the review items they gather on (moderation_flag, moderation_item). */
@Repository
class FlagRepository {
    /** An item as the services work with it. */
    record Item(long id, Target target, Long authorId, String path, String status, int pendingFlags,
                Instant openedAt, Instant autoHiddenAt, Long claimedBy, String claimedByName, Instant claimedAt,
                String heldReason) {
    }

    /** The counter row after a flag was counted on it. */
    record Counted(long itemId, int pendingFlags, Instant autoHiddenAt) {
    }

    /** A pending flag as moderators see it. */
    record PendingFlag(long id, long itemId, FlagReason reason, String text, String flagger, Instant createdAt) {
    }

    private static final String ITEM = """
            select i.id, i.target_type, i.target_id, i.author_id, i.path, i.status, i.pending_flags, i.opened_at,
                   i.auto_hidden_at, i.claimed_by, c.username as claimed_by_name, i.claimed_at, i.held_reason
              from moderation_item i left join account c on c.id = i.claimed_by
            """;

    private final JdbcClient jdbc;

    FlagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one more pending flag on the target's item, opening it (again) if needed. The row stays locked until
     * commit, so concurrent flags on one item are counted one after the other.
     */
    Counted count(Target target, Long authorId, String path, Instant now) {
        return jdbc.sql("""
                        insert into moderation_item (target_type, target_id, author_id, path, status, pending_flags,
                                                     opened_at)
                        values (:type, :id, :author, :path, 'OPEN', 1, :now)
                        on conflict (target_type, target_id) do update
                           set pending_flags = moderation_item.pending_flags + 1,
                               opened_at = case when moderation_item.status = 'OPEN' then moderation_item.opened_at
                                                else excluded.opened_at end,
                               status = 'OPEN', resolved_at = null, version = moderation_item.version + 1
                        returning id, pending_flags, auto_hidden_at
                        """)
                .param("type", target.type().name()).param("id", target.id()).param("author", authorId)
                .param("path", path).param("now", Timestamp.from(now))
                .query((rs, n) -> new Counted(rs.getLong("id"), rs.getInt("pending_flags"),
                        instant(rs, "auto_hidden_at")))
                .single();
    }

    /** @return false if this member had flagged the item before (one flag per member and item, ever) */
    boolean insertFlag(long itemId, long flaggerId, FlagReason reason, String text, Instant now) {
        return jdbc.sql("""
                        insert into moderation_flag (item_id, flagger_id, reason, text, created_at)
                        values (:item, :flagger, :reason, :text, :now)
                        on conflict (item_id, flagger_id) do nothing
                        """)
                .param("item", itemId).param("flagger", flaggerId).param("reason", reason.name())
                .param("text", text).param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * Opens (or reopens) the target's item without a flag: a watched word held the content, hidden, for review.
     */
    long hold(Target target, Long authorId, String path, String reason, Instant now) {
        return jdbc.sql("""
                        insert into moderation_item (target_type, target_id, author_id, path, status, pending_flags,
                                                     opened_at, auto_hidden_at, held_reason)
                        values (:type, :id, :author, :path, 'OPEN', 0, :now, :now, :reason)
                        on conflict (target_type, target_id) do update
                           set opened_at = case when moderation_item.status = 'OPEN' then moderation_item.opened_at
                                                else excluded.opened_at end,
                               status = 'OPEN', resolved_at = null, auto_hidden_at = excluded.auto_hidden_at,
                               held_reason = excluded.held_reason, version = moderation_item.version + 1
                        returning id
                        """)
                .param("type", target.type().name()).param("id", target.id()).param("author", authorId)
                .param("path", path).param("now", Timestamp.from(now)).param("reason", reason)
                .query(Long.class).single();
    }

    void markAutoHidden(long itemId, Instant now) {
        jdbc.sql("update moderation_item set auto_hidden_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(now)).param("id", itemId).update();
    }

    /** The reason most pending flags on the item give (ties: the first in the enum's order). */
    FlagReason commonestPendingReason(long itemId) {
        return jdbc.sql("""
                        select reason from moderation_flag where item_id = :id and outcome = 'PENDING'
                         group by reason order by count(*) desc,
                               array_position(array['SPAM', 'HARASSMENT', 'OFF_TOPIC', 'MISINFORMATION', 'ILLEGAL',
                                                    'OTHER'], reason)
                         limit 1
                        """)
                .param("id", itemId).query(String.class).optional().map(FlagReason::valueOf).orElse(FlagReason.OTHER);
    }

    /** Flags on the member's content, newest first (the flaggers stay unnamed). */
    List<MyFlag> againstAuthor(long authorId, int limit) {
        return jdbc.sql("""
                        select f.id, i.target_type, i.path, f.reason, f.text, f.created_at, f.outcome, f.resolved_at
                          from moderation_flag f join moderation_item i on i.id = f.item_id
                         where i.author_id = :author
                         order by f.created_at desc, f.id desc
                         limit :n
                        """)
                .param("author", authorId).param("n", limit)
                .query((rs, n) -> new MyFlag(rs.getLong("id"), TargetType.valueOf(rs.getString("target_type")),
                        rs.getString("path"), FlagReason.valueOf(rs.getString("reason")), rs.getString("text"),
                        instant(rs, "created_at"), FlagOutcome.valueOf(rs.getString("outcome")),
                        instant(rs, "resolved_at")))
                .list();
    }

    List<MyFlag> byFlagger(long flaggerId, int limit) {
        return jdbc.sql("""
                        select f.id, i.target_type, i.path, f.reason, f.text, f.created_at, f.outcome, f.resolved_at
                          from moderation_flag f join moderation_item i on i.id = f.item_id
                         where f.flagger_id = :flagger
                         order by f.created_at desc, f.id desc
                         limit :n
                        """)
                .param("flagger", flaggerId).param("n", limit)
                .query((rs, n) -> new MyFlag(rs.getLong("id"), TargetType.valueOf(rs.getString("target_type")),
                        rs.getString("path"), FlagReason.valueOf(rs.getString("reason")), rs.getString("text"),
                        instant(rs, "created_at"), FlagOutcome.valueOf(rs.getString("outcome")),
                        instant(rs, "resolved_at")))
                .list();
    }

    Optional<Item> find(long itemId) {
        return jdbc.sql(ITEM + " where i.id = :id").param("id", itemId).query(FlagRepository::item).optional();
    }

    Optional<Item> find(Target target) {
        return jdbc.sql(ITEM + " where i.target_type = :type and i.target_id = :id")
                .param("type", target.type().name()).param("id", target.id())
                .query(FlagRepository::item).optional();
    }

    /** The item, locked until commit: one moderator's decision at a time. */
    Optional<Item> lock(long itemId) {
        jdbc.sql("select id from moderation_item where id = :id for update").param("id", itemId)
                .query(Long.class).optional();
        return find(itemId);
    }

    /**
     * Claims the item for this moderator, unless another one holds it: a single conditional update, so of two
     * moderators claiming at once exactly one succeeds. @return whether the moderator holds it now
     */
    boolean claim(long itemId, long moderatorId, Instant now) {
        return jdbc.sql("""
                        update moderation_item set claimed_by = :me, claimed_at = :now, version = version + 1
                         where id = :id and (claimed_by is null or claimed_by = :me)
                        """)
                .param("me", moderatorId).param("now", Timestamp.from(now)).param("id", itemId).update() == 1;
    }

    boolean release(long itemId, long moderatorId) {
        return jdbc.sql("""
                        update moderation_item set claimed_by = null, claimed_at = null, version = version + 1
                         where id = :id and claimed_by = :me
                        """)
                .param("me", moderatorId).param("id", itemId).update() == 1;
    }

    /** Gives the pending flags their outcome and closes the item (claim released, auto-hide forgotten). */
    int resolve(long itemId, FlagOutcome outcome, Instant now) {
        int flags = jdbc.sql("""
                        update moderation_flag set outcome = :outcome, resolved_at = :now
                         where item_id = :id and outcome = 'PENDING'
                        """)
                .param("outcome", outcome.name()).param("now", Timestamp.from(now)).param("id", itemId).update();
        jdbc.sql("""
                        update moderation_item
                           set status = 'RESOLVED', pending_flags = 0, claimed_by = null, claimed_at = null,
                               auto_hidden_at = null, held_reason = null, resolved_at = :now, version = version + 1
                         where id = :id
                        """)
                .param("now", Timestamp.from(now)).param("id", itemId).update();
        return flags;
    }

    /**
     * Open items, oldest first flag first, that have a pending flag matching the filter (reason, flagger's
     * username, first flagged after/before).
     */
    List<Item> open(FlagReason reason, String flagger, Instant flaggedAfter, Instant flaggedBefore, int limit) {
        return jdbc.sql(ITEM + """
                         where i.status = 'OPEN'
                           and (exists (select 1 from moderation_flag f join account a on a.id = f.flagger_id
                                         where f.item_id = i.id and f.outcome = 'PENDING'
                                           and (cast(:reason as text) is null or f.reason = :reason)
                                           and (cast(:flagger as text) is null or lower(a.username) = lower(:flagger)))
                                or (i.held_reason is not null and cast(:reason as text) is null
                                    and cast(:flagger as text) is null))
                           and (cast(:after as timestamptz) is null or i.opened_at >= :after)
                           and (cast(:before as timestamptz) is null or i.opened_at < :before)
                         order by i.opened_at, i.id
                         limit :n
                        """)
                .param("reason", reason == null ? null : reason.name()).param("flagger", flagger)
                .param("after", flaggedAfter == null ? null : Timestamp.from(flaggedAfter))
                .param("before", flaggedBefore == null ? null : Timestamp.from(flaggedBefore))
                .param("n", limit)
                .query(FlagRepository::item).list();
    }

    /** The pending flags on these items, oldest first. */
    List<PendingFlag> pendingFlags(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select f.id, f.item_id, f.reason, f.text, a.username, f.created_at
                          from moderation_flag f join account a on a.id = f.flagger_id
                         where f.item_id in (:items) and f.outcome = 'PENDING'
                         order by f.created_at, f.id
                        """)
                .param("items", List.copyOf(itemIds))
                .query((rs, n) -> new PendingFlag(rs.getLong("id"), rs.getLong("item_id"),
                        FlagReason.valueOf(rs.getString("reason")), rs.getString("text"), rs.getString("username"),
                        instant(rs, "created_at")))
                .list();
    }

    long pendingFlagCount() {
        return jdbc.sql("select count(*) from moderation_flag where outcome = 'PENDING'").query(Long.class).single();
    }

    long openItemCount() {
        return jdbc.sql("select count(*) from moderation_item where status = 'OPEN'").query(Long.class).single();
    }

    long autoHiddenOpenCount() {
        return jdbc.sql("select count(*) from moderation_item where status = 'OPEN' and auto_hidden_at is not null")
                .query(Long.class).single();
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getLong("id"), new Target(TargetType.valueOf(rs.getString("target_type")),
                rs.getLong("target_id")), rs.getObject("author_id", Long.class), rs.getString("path"),
                rs.getString("status"), rs.getInt("pending_flags"), instant(rs, "opened_at"),
                instant(rs, "auto_hidden_at"), rs.getObject("claimed_by", Long.class),
                rs.getString("claimed_by_name"), instant(rs, "claimed_at"), rs.getString("held_reason"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
