package org.agora.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.agora.shared.text.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account side of moderating members, for staff with two factors: the moderation feature decides and
 * audits, this service keeps the state and its rules. Staff act only on members of a lower role (a moderator on
 * members, an admin on members and moderators); only admins ban, lift bans and change roles. Silencing and
 * suspending last 1, 3, 7, then 30 days by default, by how many the member had before. A suspension, a ban and a
 * role change end the member's sessions on every node.
 */
@Service
@StaffWithTwoFactor
public class AccountSanctions {
    public static final int REASON_MAX = 500;
    public static final List<Duration> DEFAULT_DURATIONS =
            List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30));

    private final SanctionRepository sanctions;
    private final AccountRepository accounts;
    private final SessionTracker sessions;
    private final Clock clock;
    private final TwoFactorRepository twoFactor;

    AccountSanctions(SanctionRepository sanctions, AccountRepository accounts, SessionTracker sessions, Clock clock,
                     TwoFactorRepository twoFactor) {
        this.twoFactor = twoFactor;
        this.sanctions = sanctions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Warns, silences, suspends or bans a member with a reason. {@code duration} null takes the default for
     * silencing and suspending; warnings and bans have none.
     */
    @Transactional
    public Sanction impose(AccountId target, SanctionKind kind, String rawReason, Duration duration) {
        var me = CurrentUser.require();
        var member = accounts.find(target).orElseThrow(() -> new AccountException(null, "sanction.noSuchMember"));
        String reason = reason(rawReason);
        requireOutranks(me, member);
        if (kind == SanctionKind.BAN && me.role() != Role.ADMIN) {
            throw new AccountException(null, "sanction.adminOnly");
        }
        Instant now = clock.instant();
        Instant ends = null;
        if (kind.timed()) {
            Duration d = duration != null ? duration : defaultDuration(target);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(365)) > 0) {
                throw new AccountException("duration", "sanction.durationRange");
            }
            ends = now.plus(d);
        }
        long id = sanctions.insert(target, kind, reason, now, ends, me.id());
        if (kind.suspends()) {
            sessions.endAll(target, null, kind == SanctionKind.BAN ? "banned" : "suspended");
        }
        return sanctions.find(id).orElseThrow();
    }

    /** The default length of the member's next silence or suspension: 1, 3, 7, then 30 days. */
    @Transactional(readOnly = true)
    public Duration defaultDuration(AccountId target) {
        int before = sanctions.previousTimed(target);
        return DEFAULT_DURATIONS.get(Math.min(before, DEFAULT_DURATIONS.size() - 1));
    }

    /** Ends a sanction early, with a reason. @return the sanction as it was before */
    @Transactional
    public Sanction lift(long sanctionId, String rawReason) {
        var me = CurrentUser.require();
        String reason = reason(rawReason);
        var sanction = sanctions.find(sanctionId).orElseThrow(() -> new AccountException(null, "sanction.notFound"));
        var member = accounts.find(sanction.account()).orElseThrow();
        requireOutranks(me, member);
        if (sanction.kind() == SanctionKind.BAN && me.role() != Role.ADMIN) {
            throw new AccountException(null, "sanction.adminOnly");
        }
        if (!sanctions.lift(sanctionId, me.id(), reason, clock.instant())) {
            throw new AccountException(null, "sanction.notActive");
        }
        return sanction;
    }

    /** An admin gives another member a new role; their sessions end so that it applies at once. @return the old role */
    @Transactional
    public Role changeRole(AccountId target, Role role, String rawReason) {
        var me = CurrentUser.require();
        reason(rawReason);
        if (me.role() != Role.ADMIN) {
            throw new AccountException(null, "sanction.adminOnly");
        }
        if (me.id().equals(target) || role == null) {
            throw new AccountException(null, "sanction.notOnYourself");
        }
        var member = accounts.find(target).orElseThrow(() -> new AccountException(null, "sanction.noSuchMember"));
        if (member.role() != role) {
            accounts.updateRole(target, role);
            sessions.endAll(target, null, "role changed");
        }
        return member.role();
    }

    /**
     * An admin turns off someone's two-factor authentication (lost phone and recovery codes): the secret and the
     * recovery codes are deleted and every session of theirs ends; staff must set 2FA up again before the console
     * opens. Not on oneself (use the account page). @return whether 2FA had been set up
     */
    @Transactional
    public boolean resetTwoFactor(AccountId target, String rawReason) {
        var me = CurrentUser.require();
        reason(rawReason);
        if (me.role() != Role.ADMIN) {
            throw new AccountException(null, "sanction.adminOnly");
        }
        if (me.id().equals(target)) {
            throw new AccountException(null, "sanction.notOnYourself");
        }
        accounts.find(target).orElseThrow(() -> new AccountException(null, "sanction.noSuchMember"));
        boolean had = twoFactor.find(target).isPresent();
        twoFactor.delete(target);
        if (had) {
            sessions.endAll(target, null, "2FA reset by an admin");
        }
        return had;
    }

    /** Whether the member has 2FA on (for the admins' reset button). */
    @Transactional(readOnly = true)
    public boolean hasTwoFactor(AccountId target) {
        return twoFactor.isEnabled(target);
    }

    /** A member's sanctions and warnings, newest first. */
    @Transactional(readOnly = true)
    public List<Sanction> history(AccountId target) {
        return sanctions.of(target, 100);
    }

    /** Members whose name contains the text. */
    @Transactional(readOnly = true)
    public List<Account> search(String text) {
        String t = TextInput.clean(text);
        return t == null || t.isBlank() ? List.of() : accounts.search(t, 50);
    }

    /** Appeals waiting for staff, oldest first. */
    @Transactional(readOnly = true)
    public List<Sanction> openAppeals() {
        return sanctions.openAppeals(100);
    }

    private static void requireOutranks(AgoraUser me, Account member) {
        if (me.id().equals(member.id())) {
            throw new AccountException(null, "sanction.notOnYourself");
        }
        if (me.role().ordinal() <= member.role().ordinal()) {
            throw new AccountException(null, "sanction.outranked");
        }
    }

    private static String reason(String raw) {
        String reason = TextInput.clean(raw, true);
        if (reason == null || reason.isBlank() || reason.length() > REASON_MAX) {
            throw new AccountException("reason", "sanction.reasonRequired");
        }
        return reason;
    }
}
