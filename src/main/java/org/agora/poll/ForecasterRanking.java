package org.agora.poll;

/** A row of the leaderboard: mean Brier (lower is better) and mean log score (higher is better). */
public record ForecasterRanking(int rank, String username, String displayName, int questions, double brier, double log) {
}
