package org.agora.poll;

/** Who sees the results, and when. */
public enum ResultsVisibility {
    ALWAYS, AFTER_VOTING, AFTER_CLOSE, MODERATORS
}
