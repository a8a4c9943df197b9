package org.agora.debate;

/** The side a post takes on its thread's question. */
public enum Stance {
    PRO, CON, NEUTRAL
}
