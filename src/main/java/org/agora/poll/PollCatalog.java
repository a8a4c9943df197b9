package org.agora.poll;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Listing polls (for the JSON API); open to everyone. Drafts are never listed. Page sizes are capped. */
@Service
@Transactional(readOnly = true)
public class PollCatalog {
    public static final int MAX_PAGE = 100;

    /** Which polls to list: taking ballots now, no longer taking them (closed or resolved), or both. */
    public enum Filter {
        OPEN, CLOSED, ALL
    }

    private final PollRepository queries;
    private final Clock clock;

    PollCatalog(PollRepository queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The newest polls matching the filter, newest first; at most {@link #MAX_PAGE}. */
    public List<Poll> latest(Filter filter, int limit) {
        return queries.latest(filter == null ? Filter.ALL : filter, clock.instant(), Math.max(1, Math.min(limit, MAX_PAGE)));
    }
}
