package org.agora.poll;

import java.time.Instant;

/** One entry of the ballot history: a voter's ballot before and after (null: none, a first vote or retraction). */
public record BallotChange(long voterId, Instant at, Ballot before, Ballot after) {
}
