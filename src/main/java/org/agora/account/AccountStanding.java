package org.agora.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.agora.shared.text.TextInput;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's standing: whether they may take part now (post, start threads, vote, flag), and their own
 * sanctions and warnings with a way to appeal. Features call {@link #requireCanParticipate()} before any write.
 */
@Service
public class AccountStanding {
    public static final int APPEAL_MAX = 2000;

    private final SanctionRepository sanctions;
    private final Clock clock;

    AccountStanding(SanctionRepository sanctions, Clock clock) {
        this.sanctions = sanctions;
        this.clock = clock;
    }

    /**
     * @throws MemberSanctioned if the signed-in member is silenced, suspended or banned now (staff acting as
     *                          members are sanctioned like anyone)
     */
    @Transactional(readOnly = true)
    public void requireCanParticipate() {
        CurrentUser.get().ifPresent(me -> sanctionOf(me.id()).ifPresent(s -> {
            throw new MemberSanctioned(s.kind(), s.endsAt(), s.reason());
        }));
    }

    /** The sanction in force on the member that stops them from taking part (the longest first), if any. */
    @Transactional(readOnly = true)
    public Optional<Sanction> sanctionOf(AccountId account) {
        return sanctions.active(account, clock.instant()).stream().findFirst();
    }

    /** The suspension or ban in force that keeps the member from logging in, if any. */
    Optional<Sanction> loginBlock(AccountId account) {
        return sanctions.active(account, clock.instant()).stream().filter(s -> s.kind().suspends()).findFirst();
    }

    /** The signed-in member's sanctions and warnings, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Sanction> mine() {
        return sanctions.of(CurrentUser.require().id(), 50);
    }

    /** The member appeals one of their sanctions or warnings, once, in words that moderators read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void appeal(long sanctionId, String rawText) {
        String text = TextInput.clean(rawText, true);
        if (text == null || text.isBlank() || text.length() > APPEAL_MAX) {
            throw new AccountException("appeal", "sanction.appealLength");
        }
        if (!sanctions.appeal(sanctionId, CurrentUser.require().id(), text, clock.instant())) {
            throw new AccountException("appeal", "sanction.appealNotPossible");
        }
    }

    /**
     * An appeal from a member who cannot sign in because of this suspension or ban: {@code proof} is the failed
     * login that proved their password (only the authentication provider makes one, and it lives in the server-side
     * session), so nobody appeals for someone else. One appeal per sanction, as for signed-in members.
     */
    @Transactional
    public void appealWhileSuspended(LoginExceptions.Suspended proof, String rawText) {
        if (proof == null || proof.account() == null) {
            throw new AccountException("appeal", "sanction.appealNotPossible");
        }
        String text = TextInput.clean(rawText, true);
        if (text == null || text.isBlank() || text.length() > APPEAL_MAX) {
            throw new AccountException("appeal", "sanction.appealLength");
        }
        if (!sanctions.appeal(proof.sanctionId(), proof.account(), text, clock.instant())) {
            throw new AccountException("appeal", "sanction.appealNotPossible");
        }
    }
}
