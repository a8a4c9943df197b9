package org.agora.debate;

import java.util.List;

/**
 * Flagging posts for moderators, as the thread page offers it. The debate owns this port and never learns who
 * implements it (the moderation feature does): the dependency keeps pointing from moderation to debate.
 */
public interface PostFlagging {
    /** Longest explanation a member may add to a flag. */
    int TEXT_MAX = 500;

    /** The reasons a member chooses from, in display order; their labels are the message keys "flag.reason.CODE". */
    List<String> reasons();

    /**
     * Flags a post for the signed-in member (an opening post flags its thread).
     *
     * @throws DebateException with a message key to show when the flag is refused
     */
    void flagPost(long postId, String reason, String text);
}
