package org.agora.poll;

import java.util.Collection;
import java.util.Map;

/**
 * The side each voter took in the debate of a thread, supplied by the debate feature (which knows posts and
 * stances); polls only know the thread by id. Voters missing from the answer did not post there.
 */
public interface VoterSides {
    Map<Long, Side> sidesIn(long topicId, Collection<Long> voterIds);

    enum Side {
        PRO, CON, NEUTRAL, NONE
    }
}
