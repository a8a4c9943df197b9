package org.agora.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PollRepository {
    private static final String SELECT = """
            select id, kind, question, description, author_id, topic_id, status, min_choices, max_choices, scale_min,
                   scale_max, scale_step, scale_low_label, scale_high_label, results_visibility, public_voters,
                   closes_at, created_at, opened_at, closed_at, resolution_criteria, resolves_at, resolution,
                   resolution_note, resolved_at, version, option_ids, option_labels, option_positions,
                   option_others, option_hidden
              from (select * from poll where deleted_at is null) poll
              left join lateral (
                    select array_agg(o.id order by o.position) as option_ids,
                           array_agg(case when o.hidden_at is null then o.label end order by o.position) as option_labels,
                           array_agg(o.position order by o.position) as option_positions,
                           array_agg(o.is_other order by o.position) as option_others,
                           array_agg(o.hidden_at is not null order by o.position) as option_hidden
                      from poll_option o
                     where o.poll_id = poll.id) options on true
            """;

    private final JdbcClient jdbc;

    PollRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Poll> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Poll> forTopic(long topicId) {
        return jdbc.sql(SELECT + " where topic_id = :topic order by id limit 1").param("topic", topicId)
                .query(this::map).optional();
    }

    List<Poll> latest(int limit) {
        return jdbc.sql(SELECT + " where status <> 'DRAFT' order by created_at desc, id desc limit :n")
                .param("n", limit).query(this::map).list();
    }

    /** Newest first; never drafts. Open and closed follow {@link Poll#acceptsBallotsAt} and {@link Poll#closedAt}. */
    List<Poll> latest(PollCatalog.Filter filter, Instant now, int limit) {
        return jdbc.sql(SELECT + """
                         where status <> 'DRAFT'
                           and (:filter = 'ALL'
                                or (:filter = 'OPEN' and status = 'OPEN' and (closes_at is null or closes_at > :now))
                                or (:filter = 'CLOSED' and (status in ('CLOSED', 'RESOLVED')
                                                            or (status = 'OPEN' and closes_at <= :now))))
                         order by created_at desc, id desc
                         limit :n
                        """)
                .param("filter", filter.name()).param("now", Timestamp.from(now)).param("n", limit)
                .query(this::map).list();
    }

    /** Drafts of this author, newest first. */
    List<Poll> draftsOf(long authorId) {
        return jdbc.sql(SELECT + " where author_id = :a and status = 'DRAFT' order by created_at desc, id desc limit 50")
                .param("a", authorId).query(this::map).list();
    }

    long insert(PollDraft d, long authorId, PollStatus status, Instant now) {
        long id = jdbc.sql("""
                        insert into poll (kind, question, description, author_id, status, min_choices, max_choices,
                                          scale_min, scale_max, scale_step, scale_low_label, scale_high_label,
                                          results_visibility, public_voters, closes_at, created_at, opened_at,
                                          resolution_criteria, resolves_at)
                        values (:kind, :question, :description, :author, :status, :min, :max, :smin, :smax, :step,
                                :low, :high, :visibility, :publicVoters, :closes, :now, :opened, :criteria, :resolves)
                        returning id
                        """)
                .params(draftParams(d)).param("author", authorId).param("status", status.name())
                .param("now", Timestamp.from(now)).param("opened", status == PollStatus.OPEN ? Timestamp.from(now) : null)
                .query(Long.class).single();
        insertOptions(id, d);
        return id;
    }

    /** Rewrites a draft if it is still a draft at this version; false if it changed meanwhile. */
    boolean updateDraft(long id, int version, PollDraft d) {
        int rows = jdbc.sql("""
                        update poll set kind = :kind, question = :question, description = :description,
                               min_choices = :min, max_choices = :max, scale_min = :smin, scale_max = :smax,
                               scale_step = :step, scale_low_label = :low, scale_high_label = :high,
                               results_visibility = :visibility, public_voters = :publicVoters, closes_at = :closes,
                               resolution_criteria = :criteria, resolves_at = :resolves, version = version + 1
                         where id = :id and version = :version and status = 'DRAFT'
                        """)
                .params(draftParams(d)).param("id", id).param("version", version).update();
        if (rows == 1) {
            jdbc.sql("delete from poll_option where poll_id = :id").param("id", id).update();
            insertOptions(id, d);
        }
        return rows == 1;
    }

    boolean publish(long id, Instant now) {
        return jdbc.sql("""
                        update poll set status = 'OPEN', opened_at = :now, created_at = :now, version = version + 1
                         where id = :id and status = 'DRAFT'
                        """)
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    boolean deleteDraft(long id) {
        return jdbc.sql("delete from poll where id = :id and status = 'DRAFT'").param("id", id).update() == 1;
    }

    /**
     * Removes a published poll (moderators): it is closed if open and left out of every read from now on.
     * @return false if it does not exist, is a draft, or was removed already
     */
    boolean softDelete(long id, String reason, Instant now) {
        return jdbc.sql("""
                        update poll set deleted_at = :now, deleted_reason = :reason,
                               closed_at = case when status = 'OPEN' then least(:now, coalesce(closes_at, :now))
                                                else closed_at end,
                               status = case when status = 'OPEN' then 'CLOSED' else status end,
                               version = version + 1
                         where id = :id and deleted_at is null and status <> 'DRAFT'
                        """)
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Closes an open poll by hand; false if it was not open. */
    boolean close(long id, Instant now) {
        return jdbc.sql("""
                        update poll set status = 'CLOSED', closed_at = least(:now, coalesce(closes_at, :now)),
                               version = version + 1
                         where id = :id and status = 'OPEN'
                        """)
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Opens a closed (not resolved) poll again, with a new closing time or none. */
    boolean reopen(long id, Instant closesAt) {
        return jdbc.sql("""
                        update poll set status = 'OPEN', closed_at = null, closes_at = :closes, version = version + 1
                         where id = :id and status in ('OPEN', 'CLOSED')
                        """)
                .param("id", id).param("closes", closesAt == null ? null : Timestamp.from(closesAt)).update() == 1;
    }

    /** Records a forecast's outcome once; false if it was resolved already (or is not a forecast). */
    boolean resolve(long id, String outcome, String note, long moderatorId, Instant closedAt, Instant now) {
        return jdbc.sql("""
                        update poll set status = 'RESOLVED', resolution = :outcome, resolution_note = :note,
                               resolved_by = :moderator, resolved_at = :now, closed_at = :closed,
                               version = version + 1
                         where id = :id and kind = 'FORECAST' and status in ('OPEN', 'CLOSED')
                        """)
                .param("id", id).param("outcome", outcome).param("note", note).param("moderator", moderatorId)
                .param("closed", Timestamp.from(closedAt)).param("now", Timestamp.from(now)).update() == 1;
    }

    private Map<String, Object> draftParams(PollDraft d) {
        var params = new HashMap<String, Object>();
        params.put("kind", d.kind().name());
        params.put("question", d.question());
        params.put("description", d.description());
        params.put("min", d.minChoices());
        params.put("max", d.maxChoices());
        params.put("smin", d.scaleMin());
        params.put("smax", d.scaleMax());
        params.put("step", d.scaleStep());
        params.put("low", d.scaleLowLabel());
        params.put("high", d.scaleHighLabel());
        params.put("visibility", d.visibility().name());
        params.put("publicVoters", d.publicVoters());
        params.put("closes", d.closesAt() == null ? null : Timestamp.from(d.closesAt()));
        params.put("criteria", d.resolutionCriteria());
        params.put("resolves", d.resolvesAt() == null ? null : Timestamp.from(d.resolvesAt()));
        return params;
    }

    private void insertOptions(long pollId, PollDraft d) {
        int position = 1;
        for (String label : d.options()) {
            jdbc.sql("insert into poll_option (poll_id, label, position) values (:p, :l, :i)")
                    .param("p", pollId).param("l", label).param("i", position++).update();
        }
        if (d.allowOther()) {
            jdbc.sql("insert into poll_option (poll_id, label, position, is_other) values (:p, :l, :i, true)")
                    .param("p", pollId).param("l", PollOption.OTHER_LABEL).param("i", position).update();
        }
    }

    /**
     * The poll's answers, read in the same statement as the poll (one round trip, and one connection: a second
     * query from inside the row mapper would take a second pooled connection while holding the first, and enough
     * concurrent readers would then wait on each other until the pool times out). The label of a hidden answer
     * never leaves the database this way (the statement sends null for it).
     */
    private static List<PollOption> options(ResultSet rs) throws SQLException {
        var ids = array(rs, "option_ids", Long[].class);
        if (ids == null) {
            return List.of();
        }
        var labels = array(rs, "option_labels", String[].class);
        var positions = array(rs, "option_positions", Integer[].class);
        var others = array(rs, "option_others", Boolean[].class);
        var hidden = array(rs, "option_hidden", Boolean[].class);
        var options = new java.util.ArrayList<PollOption>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            options.add(new PollOption(ids[i], hidden[i] ? PollOption.HIDDEN_LABEL : labels[i], positions[i], others[i],
                    hidden[i]));
        }
        return options;
    }

    private static <T> T array(ResultSet rs, String column, Class<T> type) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? null : type.cast(array.getArray());
    }

    /** The answer as moderators see it: its poll, the poll's author, its original label and whether it is hidden. */
    Optional<PollModeration.ModeratedOption> moderatedOption(long optionId) {
        return jdbc.sql("""
                        select o.id, o.poll_id, p.author_id, p.question, o.label, o.hidden_at is not null as hidden
                          from poll_option o join poll p on p.id = o.poll_id
                         where o.id = :id
                        """)
                .param("id", optionId)
                .query((rs, n) -> new PollModeration.ModeratedOption(rs.getLong("id"), rs.getLong("poll_id"),
                        rs.getObject("author_id", Long.class), rs.getString("question"), rs.getString("label"),
                        rs.getBoolean("hidden")))
                .optional();
    }

    boolean hideOption(long optionId, String reason, Instant now) {
        return jdbc.sql("""
                        update poll_option set hidden_at = :now, hidden_reason = :reason
                         where id = :id and hidden_at is null
                        """)
                .param("now", Timestamp.from(now)).param("reason", reason).param("id", optionId).update() == 1;
    }

    boolean restoreOption(long optionId) {
        return jdbc.sql("""
                        update poll_option set hidden_at = null, hidden_reason = null
                         where id = :id and hidden_at is not null
                        """)
                .param("id", optionId).update() == 1;
    }

    private Poll map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new Poll(id, PollKind.valueOf(rs.getString("kind")), rs.getString("question"),
                rs.getString("description"), rs.getObject("author_id", Long.class), rs.getObject("topic_id", Long.class),
                PollStatus.valueOf(rs.getString("status")), rs.getInt("min_choices"), rs.getInt("max_choices"),
                rs.getObject("scale_min", Integer.class), rs.getObject("scale_max", Integer.class),
                rs.getInt("scale_step"), rs.getString("scale_low_label"), rs.getString("scale_high_label"),
                ResultsVisibility.valueOf(rs.getString("results_visibility")), rs.getBoolean("public_voters"),
                instant(rs, "closes_at"), instant(rs, "created_at"), instant(rs, "opened_at"),
                instant(rs, "closed_at"), rs.getString("resolution_criteria"), instant(rs, "resolves_at"),
                rs.getString("resolution"), rs.getString("resolution_note"), instant(rs, "resolved_at"),
                rs.getInt("version"), options(rs));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
