package org.agora.poll;

/** A ballot with its voter's name, shown only on polls created with public voters. */
public record PublicBallot(String username, String displayName, Ballot ballot) {
}
