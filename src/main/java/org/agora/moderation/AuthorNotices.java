package org.agora.moderation;

import java.util.Locale;
import org.agora.debate.NotificationService;
import org.agora.shared.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * Tells authors of moderators' decisions, when the moderator ticks "notify the author": a notification in the
 * debate's bell with the action and the reason. Poll answers have no author notifications (polls have no bell).
 */
@Component
class AuthorNotices {
    private final NotificationService notifications;
    private final Contents contents;

    AuthorNotices(NotificationService notifications, Contents contents) {
        this.notifications = notifications;
        this.contents = contents;
    }

    /** @return whether an author was notified */
    boolean tell(Target target, ModerationAction action, String reason) {
        return contents.noticePost(target)
                .map(postId -> notifications.notifyAuthorOfModeration(postId,
                        Messages.get(Locale.ENGLISH, "moderation.notice." + action.name(), reason)))
                .orElse(false);
    }
}
