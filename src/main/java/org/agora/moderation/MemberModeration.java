package org.agora.moderation;

import java.time.Duration;
import java.util.List;
import org.agora.account.Account;
import org.agora.account.AccountException;
import org.agora.account.AccountId;
import org.agora.account.AccountSanctions;
import org.agora.account.Role;
import org.agora.account.Sanction;
import org.agora.account.SanctionKind;
import org.agora.account.StaffWithTwoFactor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moderating members: warn, silence, suspend, lift and, for admins, ban and change roles. The account feature
 * keeps the sanctions and enforces who may act on whom ({@link AccountSanctions}); every decision is audited
 * here, in the same transaction.
 */
@Service
@StaffWithTwoFactor
public class MemberModeration {
    private final AccountSanctions sanctions;
    private final Audit audit;

    MemberModeration(AccountSanctions sanctions, Audit audit) {
        this.sanctions = sanctions;
        this.audit = audit;
    }

    /** Warns, silences, suspends or bans; {@code duration} null means the escalating default. */
    @Transactional
    public Sanction sanction(AccountId member, SanctionKind kind, String reason, Duration duration) {
        var done = translate(() -> sanctions.impose(member, kind, reason, duration));
        audit.done(action(kind), Target.account(member.value()), done.reason(),
                "{\"sanction\": " + done.id() + ", \"kind\": \"" + kind + "\", \"until\": "
                        + (done.endsAt() == null ? "null" : "\"" + done.endsAt() + "\"") + "}");
        return done;
    }

    @Transactional
    public void lift(long sanctionId, String reason) {
        var lifted = translate(() -> sanctions.lift(sanctionId, reason));
        audit.done(ModerationAction.LIFT, Target.account(lifted.account().value()), reason.strip(),
                "{\"sanction\": " + sanctionId + ", \"kind\": \"" + lifted.kind() + "\"}");
    }

    @Transactional
    public void changeRole(AccountId member, Role role, String reason) {
        Role before = translate(() -> sanctions.changeRole(member, role, reason));
        audit.done(ModerationAction.ROLE_CHANGE, Target.account(member.value()), reason.strip(),
                "{\"from\": \"" + before + "\", \"to\": \"" + role + "\"}");
    }

    @Transactional(readOnly = true)
    public Duration defaultDuration(AccountId member) {
        return sanctions.defaultDuration(member);
    }

    @Transactional(readOnly = true)
    public List<Sanction> history(AccountId member) {
        return sanctions.history(member);
    }

    @Transactional(readOnly = true)
    public List<Account> search(String text) {
        return sanctions.search(text);
    }

    @Transactional(readOnly = true)
    public List<Sanction> openAppeals() {
        return sanctions.openAppeals();
    }

    private static ModerationAction action(SanctionKind kind) {
        return switch (kind) {
            case WARN -> ModerationAction.WARN;
            case SILENCE -> ModerationAction.SILENCE;
            case SUSPEND -> ModerationAction.SUSPEND;
            case BAN -> ModerationAction.BAN;
        };
    }

    private static <T> T translate(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AccountException e) {
            throw new ModerationException(e.field(), e.messageKey());
        }
    }
}
