package org.agora.moderation;

import org.agora.debate.PostEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes staff's thread controls (lock, unlock, slow mode), which the debate feature announces, to the audit log. */
@Component
class ThreadControlAudit {
    private final Audit audit;

    ThreadControlAudit(Audit audit) {
        this.audit = audit;
    }

    /** Runs in the change's own transaction, so the row and the change stand or fall together. */
    @EventListener
    void on(PostEvents.TopicControlled event) {
        audit.done(ModerationAction.valueOf(event.control()), Target.topic(event.topicId()), event.reason(),
                event.detail());
    }
}
