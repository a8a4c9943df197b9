package org.agora.moderation;

import java.util.Arrays;
import java.util.List;
import org.agora.debate.DebateException;
import org.agora.debate.PostFlagging;
import org.springframework.stereotype.Component;

/** The debate's Flag button, answered by the {@link FlagService}; refusals go back as the debate's exceptions. */
@Component
class PostFlaggingAdapter implements PostFlagging {
    private final FlagService flags;

    PostFlaggingAdapter(FlagService flags) {
        this.flags = flags;
    }

    @Override
    public List<String> reasons() {
        return Arrays.stream(FlagReason.values()).map(Enum::name).toList();
    }

    @Override
    public void flagPost(long postId, String reason, String text) {
        FlagReason why;
        try {
            why = reason == null ? null : FlagReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            why = null;
        }
        try {
            flags.flag(Target.post(postId), why, text);
        } catch (ModerationException e) {
            throw new DebateException(e.field(), e.messageKey(), e.args());
        }
    }
}
