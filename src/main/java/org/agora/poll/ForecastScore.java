package org.agora.poll;

import java.time.Instant;

/** A forecaster's score on one resolved question, with the last probability they gave. */
public record ForecastScore(long pollId, String question, String resolution, Instant resolvedAt, String username,
                            double brier, double log, int lastPercent) {
}
