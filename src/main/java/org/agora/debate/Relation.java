package org.agora.debate;

/** How a reply relates to the post it answers, as in Kialo's argument trees. */
public enum Relation {
    SUPPORTS, CHALLENGES
}
