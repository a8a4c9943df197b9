package org.agora.poll;

import java.time.Instant;

/** A voter's own words for a poll's "other" answer; {@code username} only when the poll's voters are public. */
public record OtherAnswer(long voterId, String username, String text, boolean hidden, Instant at) {
}
