package org.agora.poll;

/** What a poll asks for: one option, several, a point on a scale, an order of options, or a probability. */
public enum PollKind {
    SINGLE, MULTIPLE, SCALE, RANKED, FORECAST
}
