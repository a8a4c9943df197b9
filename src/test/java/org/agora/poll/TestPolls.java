package org.agora.poll;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates polls for tests straight in the database (poll creation by members comes with its own form). */
@Component
public class TestPolls {
    private final JdbcClient jdbc;
    private final PollRepository polls;

    TestPolls(JdbcClient jdbc, PollRepository polls) {
        this.jdbc = jdbc;
        this.polls = polls;
    }

    public Poll create(PollKind kind, String status, String visibility, int minChoices, int maxChoices, List<String> options) {
        long id = jdbc.sql("""
                        insert into poll (kind, question, status, min_choices, max_choices, scale_min, scale_max,
                                          results_visibility)
                        values (:kind, :question, :status, :min, :max, :smin, :smax, :visibility) returning id
                        """)
                .param("kind", kind.name()).param("question", "Test poll " + System.nanoTime() + "?")
                .param("status", status).param("min", minChoices).param("max", maxChoices)
                .param("smin", kind == PollKind.SCALE ? 1 : null).param("smax", kind == PollKind.SCALE ? 7 : null)
                .param("visibility", visibility)
                .query(Long.class).single();
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("insert into poll_option (poll_id, label, position) values (:p, :l, :i)")
                    .param("p", id).param("l", options.get(i)).param("i", i + 1).update();
        }
        return polls.find(id).orElseThrow();
    }

    public Poll single(String... options) {
        return create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, List.of(options));
    }
}
