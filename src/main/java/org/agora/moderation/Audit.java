package org.agora.moderation;

import java.time.Clock;
import org.agora.account.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Writes the audit row of a moderator's action, in the action's own transaction (a rolled-back action leaves no
 * row; a row cannot exist without its action). Agora's own actions (auto-hide) have no actor.
 */
@Component
class Audit {
    private final AuditRepository audit;
    private final Clock clock;

    Audit(AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    void done(ModerationAction action, Target target, FlagReason category, String reason, ContentView before,
              ContentView after) {
        var me = CurrentUser.get();
        audit.insert(clock.instant(), me.map(u -> u.id().value()).orElse(null), me.map(u -> u.getUsername()).orElse(null),
                action, target, category, reason, before == null ? null : before.stateJson(),
                after == null ? null : after.stateJson(), "OK");
    }

    void automatic(ModerationAction action, Target target, FlagReason category, String reason, ContentView before,
                   ContentView after) {
        audit.insert(clock.instant(), null, null, action, target, category, reason,
                before == null ? null : before.stateJson(), after == null ? null : after.stateJson(), "OK");
    }

    /** A change of settings (the audit row has no target): what changed, and the state before and after as JSON. */
    void setting(String what, String beforeJson, String afterJson) {
        var me = CurrentUser.get();
        audit.insert(clock.instant(), me.map(u -> u.id().value()).orElse(null), me.map(u -> u.getUsername()).orElse(null),
                ModerationAction.SETTINGS, null, null, what, beforeJson, afterJson, "OK");
    }

    /** A staff change to content with its state before and after as JSON objects. */
    void changed(ModerationAction action, Target target, FlagReason category, String reason, String beforeJson,
                 String afterJson) {
        var me = CurrentUser.get();
        audit.insert(clock.instant(), me.map(u -> u.id().value()).orElse(null), me.map(u -> u.getUsername()).orElse(null),
                action, target, category, reason, beforeJson, afterJson, "OK");
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    /** A small JSON object for the audit log's before/after columns. */
    static String json(java.util.Map<String, ?> values) {
        return JSON.writeValueAsString(values);
    }

    /** A decision about a member or a thread control, with its details as a small JSON object (or null). */
    void done(ModerationAction action, Target target, String reason, String afterJson) {
        var me = CurrentUser.get();
        audit.insert(clock.instant(), me.map(u -> u.id().value()).orElse(null), me.map(u -> u.getUsername()).orElse(null),
                action, target, null, reason, null, afterJson, "OK");
    }
}
