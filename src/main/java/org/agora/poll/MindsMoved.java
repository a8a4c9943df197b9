package org.agora.poll;

import java.util.List;
import java.util.SortedMap;

/**
 * How minds moved: members who changed or took back their ballot, the number of changes and retractions, the
 * flows from each changer's first answer to their answer now (null: no ballot now), and changes per month.
 */
public record MindsMoved(int members, int changes, int retractions, List<Flow> flows, SortedMap<String, Integer> perMonth) {
    public record Flow(String from, String to, long members) {
    }
}
