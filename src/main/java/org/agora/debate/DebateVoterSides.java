package org.agora.debate;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.agora.poll.VoterSides;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tells polls which side each voter took in the thread's debate: the stance of their latest post there that is
 * not deleted. A voter who never posted in the thread is absent (the poll shows "did not post").
 */
@Repository
class DebateVoterSides implements VoterSides {
    private final JdbcClient jdbc;

    DebateVoterSides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Side> sidesIn(long topicId, Collection<Long> voterIds) {
        var sides = new HashMap<Long, Side>();
        if (voterIds.isEmpty()) {
            return sides;
        }
        jdbc.sql("""
                        select distinct on (author_id) author_id, stance
                          from debate_post
                         where topic_id = :topic and deleted_at is null and author_id = any(:voters)
                         order by author_id, created_at desc, id desc
                        """)
                .param("topic", topicId).param("voters", voterIds.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    sides.put(rs.getLong("author_id"), Side.valueOf(rs.getString("stance")));
                });
        return sides;
    }

    /** The post with most "convincing" reactions on each side (visible posts of a visible thread; ties: the earlier post). */
    @Override
    public Map<Side, TopArgument> topArguments(long topicId) {
        var result = new java.util.EnumMap<Side, TopArgument>(Side.class);
        jdbc.sql("""
                        select distinct on (p.stance) p.id, p.stance, p.body, p.convincing
                          from debate_post p join debate_topic t on t.id = p.topic_id
                         where p.topic_id = :topic and p.stance in ('PRO', 'CON') and not p.opening
                           and p.deleted_at is null and p.hidden_at is null and t.hidden_at is null
                         order by p.stance, p.convincing desc, p.id
                        """)
                .param("topic", topicId)
                .query((ResultSet rs) -> {
                    result.put(Side.valueOf(rs.getString("stance")),
                            new TopArgument(rs.getLong("id"), excerpt(rs.getString("body")), rs.getInt("convincing")));
                });
        return result;
    }

    /** The Markdown source as plain text, cut at a word near 240 characters. */
    static String excerpt(String markdown) {
        String text = markdown.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[*_`>#~]+", "")
                .replaceAll("\\s+", " ").strip();
        if (text.length() <= 240) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 240);
        return text.substring(0, cut > 160 ? cut : 240) + "…";
    }
}
