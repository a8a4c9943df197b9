package org.agora.poll;

import java.util.List;
import java.util.Map;

/**
 * Members who answered both polls, counted per pair of answers. A cell under the minimum size is null (withheld)
 * unless both polls have public voters.
 */
public record CrossTab(Poll rows, Poll columns, List<Answers.Answer> rowAnswers, List<Answers.Answer> columnAnswers,
                       Map<String, Long> cells, int respondents, int minCellSize) {
    /** The count for a row and column answer: 0 when none, null when withheld. */
    public Long cell(String rowKey, String columnKey) {
        String key = rowKey + "|" + columnKey;
        return cells.containsKey(key) ? cells.get(key) : Long.valueOf(0);
    }
}
