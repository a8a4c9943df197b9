package org.agora.poll;

import java.util.Collection;
import java.util.Map;

/**
 * The side each voter took in the debate of a thread, supplied by the debate feature (which knows posts and
 * stances); polls only know the thread by id. Voters missing from the answer did not post there.
 */
public interface VoterSides {
    Map<Long, Side> sidesIn(long topicId, Collection<Long> voterIds);

    /**
     * The most convincing visible argument on each side (PRO and CON) of the thread, for embedded polls that show
     * the debate beside the result; a side without one is missing from the answer.
     */
    default Map<Side, TopArgument> topArguments(long topicId) {
        return Map.of();
    }

    /** One argument: its post id, a plain-text excerpt and how many members found it convincing. */
    record TopArgument(long postId, String excerpt, int convincing) {
    }

    enum Side {
        PRO, CON, NEUTRAL, NONE
    }
}
