package org.agora.debate;

/** How the community answers a topic's question: by argument only, or also with a poll of this kind. */
public enum QuestionKind {
    OPEN, CHOICE, SCALE, RANKED, FORECAST
}
