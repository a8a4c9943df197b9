package org.agora.poll;

import java.util.List;
import java.util.Map;

/**
 * A poll's results by the side voters took in its thread's debate. A group below the minimum size on a poll with
 * secret voters is {@code shown = false}: only its size is told.
 */
public record StanceSplit(Poll poll, List<Answers.Answer> answers, List<Group> groups, int minGroupSize) {
    public record Group(VoterSides.Side side, int voters, boolean shown, Map<String, Long> counts, Double median) {
        public long count(String key) {
            return counts.getOrDefault(key, 0L);
        }
    }
}
