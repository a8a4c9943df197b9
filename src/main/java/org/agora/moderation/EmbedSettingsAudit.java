package org.agora.moderation;

import org.agora.poll.EmbedSettingsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a moderator's change of the embed settings of someone else's poll (which the poll feature announces) to
 * the audit log, as a settings change on that poll. Runs in the change's transaction: both stand or fall together.
 */
@Component
class EmbedSettingsAudit {
    private final Audit audit;

    EmbedSettingsAudit(Audit audit) {
        this.audit = audit;
    }

    @EventListener
    void on(EmbedSettingsChanged event) {
        audit.done(ModerationAction.SETTINGS, new Target(TargetType.POLL, event.pollId()), "Embed settings changed",
                Audit.json(java.util.Map.of("embed", event.summary())));
    }
}
