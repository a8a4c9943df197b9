package org.agora.moderation;

import org.agora.poll.PollModerated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes staff's decisions on whole polls (close, reopen, remove), which the poll feature announces, to the audit log. */
@Component
class PollModerationAudit {
    private final Audit audit;

    PollModerationAudit(Audit audit) {
        this.audit = audit;
    }

    /** Runs in the change's own transaction, so the row and the change stand or fall together. */
    @EventListener
    void on(PollModerated event) {
        audit.done(ModerationAction.valueOf(event.action()), Target.poll(event.pollId()), event.reason(),
                event.detail());
    }
}
