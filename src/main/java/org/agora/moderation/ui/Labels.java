package org.agora.moderation.ui;

import com.vaadin.flow.component.Component;
import org.agora.moderation.AuditEntry;
import org.agora.moderation.FlagOutcome;
import org.agora.moderation.FlagReason;
import org.agora.moderation.ModerationAction;
import org.agora.moderation.TargetType;

/** Translated names of the moderation vocabulary. */
final class Labels {
    private Labels() {
    }

    static String reason(Component c, FlagReason r) {
        return r == null ? "" : c.getTranslation("flag.reason." + r.name());
    }

    static String action(Component c, ModerationAction a) {
        return a == null ? "" : c.getTranslation("moderation.action." + a.name());
    }

    static String outcome(Component c, FlagOutcome o) {
        return c.getTranslation("flag.outcome." + o.name());
    }

    static String type(Component c, TargetType t) {
        return t == null ? "" : c.getTranslation("moderation.target." + t.name());
    }

    static String target(Component c, TargetType t, Long id) {
        return t == null ? "" : type(c, t) + (id == null ? "" : " #" + id);
    }

    static String actor(Component c, AuditEntry e) {
        if (e.actorName() == null) {
            return c.getTranslation(e.outcome().equals("OK") ? "moderation.log.automatic" : "moderation.log.reader");
        }
        return e.actorName();
    }
}
