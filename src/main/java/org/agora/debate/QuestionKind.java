package org.agora.debate;

/** How the community answers a topic's question (the poll itself comes with the Polls feature). */
public enum QuestionKind {
    CHOICE, SCALE, RANKED, FORECAST
}
