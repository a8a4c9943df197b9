package org.agora.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.agora.account.Account;
import org.agora.account.AccountException;
import org.agora.account.AccountId;
import org.agora.account.AccountSanctions;
import org.agora.account.AccountService;
import org.agora.account.Role;
import org.agora.account.Sanction;
import org.agora.account.SanctionKind;
import org.agora.account.StaffWithTwoFactor;
import org.agora.debate.DebateCatalog;
import org.agora.debate.MemberProfile;
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
    private static final int FILE_ROWS = 20;

    private final AccountSanctions sanctions;
    private final AccountService accounts;
    private final DebateCatalog debates;
    private final FlagRepository flags;
    private final Audit audit;

    MemberModeration(AccountSanctions sanctions, AccountService accounts, DebateCatalog debates, FlagRepository flags,
                     Audit audit) {
        this.sanctions = sanctions;
        this.accounts = accounts;
        this.debates = debates;
        this.flags = flags;
        this.audit = audit;
    }

    /** What staff see of a member before deciding: recent posts, flags raised and received, sanctions. */
    public record MemberFile(Account account, List<MemberProfile.RecentPost> recentPosts, List<MyFlag> flagsRaised,
                             List<MyFlag> flagsReceived, List<Sanction> sanctions) {
    }

    @Transactional(readOnly = true)
    public Optional<MemberFile> file(String username) {
        return accounts.findByUsername(username).map(a -> new MemberFile(a,
                debates.profile(a.username()).map(MemberProfile::recentPosts).orElse(List.of()),
                flags.byFlagger(a.id().value(), FILE_ROWS), flags.againstAuthor(a.id().value(), FILE_ROWS),
                sanctions.history(a.id())));
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

    /** An admin resets a member's 2FA (see {@link AccountSanctions#resetTwoFactor}); audited. */
    @Transactional
    public boolean resetTwoFactor(AccountId member, String reason) {
        boolean had = translate(() -> sanctions.resetTwoFactor(member, reason));
        audit.done(ModerationAction.RESET_TWO_FACTOR, Target.account(member.value()), reason.strip(),
                "{\"hadTwoFactor\": " + had + "}");
        return had;
    }

    @Transactional(readOnly = true)
    public boolean hasTwoFactor(AccountId member) {
        return sanctions.hasTwoFactor(member);
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
