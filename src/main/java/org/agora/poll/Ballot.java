package org.agora.poll;

import java.util.List;

/**
 * One member's answer: chosen option ids (single, multiple; ranked in order of preference) or a value (a point
 * on the scale; a forecast probability in percent).
 */
public record Ballot(List<Long> options, Integer value) {
    public Ballot {
        options = options == null ? null : List.copyOf(options);
    }

    public static Ballot ofOptions(List<Long> options) {
        return new Ballot(options, null);
    }

    public static Ballot ofValue(int value) {
        return new Ballot(null, value);
    }
}
