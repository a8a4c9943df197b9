package org.agora.moderation;

import java.time.Clock;
import java.util.Set;
import org.agora.account.AgoraUser;
import org.agora.account.AccountId;
import org.agora.account.SanctionKind;
import org.agora.debate.PostModeration;
import org.agora.debate.ThreadControls;
import org.agora.poll.PollModeration;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audits refused attempts at moderation: Spring Security publishes an {@link AuthorizationDeniedEvent} when
 * {@code @PreAuthorize} refuses a call (before the method, and before its transaction, starts); for the
 * moderation services and the debate's and poll's moderation services this writes a {@code DENIED} row in a
 * transaction of its own, so it stays even though the caller gets an exception. A call with no authentication at
 * all (no security context, never the case for a web request) is refused without an event and not audited.
 */
@Component
class DeniedAttempts {
    private static final Logger log = LoggerFactory.getLogger(DeniedAttempts.class);
    private static final Set<Class<?>> AUDITED = Set.of(ReviewQueue.class, ModerationLog.class,
            ModerationStats.class, PostModeration.class, PollModeration.class, MemberModeration.class,
            ThreadControls.class, ModerationSettings.class);

    private final AuditRepository audit;
    private final FlagRepository flags;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DeniedAttempts(AuditRepository audit, FlagRepository flags, PlatformTransactionManager transactions, Clock clock) {
        this.audit = audit;
        this.flags = flags;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void onDenied(AuthorizationDeniedEvent<?> event) {
        if (!(event.getSource() instanceof MethodInvocation call)) {
            return;
        }
        Class<?> service = call.getMethod().getDeclaringClass();
        if (!AUDITED.contains(service)) {
            return;
        }
        var auth = event.getAuthentication().get();
        Long actorId = auth != null && auth.getPrincipal() instanceof AgoraUser u ? u.id().value() : null;
        String actorName = auth == null ? null : auth.getName();
        String method = call.getMethod().getName();
        try {
            ownTransaction.executeWithoutResult(status -> audit.insert(clock.instant(), actorId, actorName,
                    action(service, method, call.getArguments()), target(service, method, call.getArguments()), null,
                    "refused: " + service.getSimpleName() + "." + method, null, null, "DENIED"));
        } catch (RuntimeException e) {
            log.error("could not audit a refused call to {}.{}", service.getSimpleName(), method, e);
        }
    }

    static ModerationAction action(Class<?> service, String method, Object[] args) {
        if (service == ModerationSettings.class) {
            return ModerationAction.SETTINGS;
        }
        boolean on = args.length > 1 && args[1] instanceof Boolean b && b;
        switch (method) {
            case "sanction":
                return args.length > 1 && args[1] instanceof SanctionKind kind ? ModerationAction.valueOf(kind.name())
                        : ModerationAction.VIEW;
            case "lift":
                return ModerationAction.LIFT;
            case "changeRole":
                return ModerationAction.ROLE_CHANGE;
            case "resetTwoFactor":
                return ModerationAction.RESET_TWO_FACTOR;
            case "setLocked":
                return on ? ModerationAction.LOCK : ModerationAction.UNLOCK;
            case "setPinned":
                return on ? ModerationAction.PIN : ModerationAction.UNPIN;
            case "slowMode", "endSlowMode":
                return ModerationAction.SLOW_MODE;
            case "move":
                return ModerationAction.MOVE;
            case "edit", "editPost":
                return ModerationAction.EDIT;
            case "closePoll":
                return ModerationAction.CLOSE_POLL;
            case "reopenPoll":
                return ModerationAction.REOPEN_POLL;
            case "deletePoll":
                return ModerationAction.DELETE_POLL;
            default:
                return action(method);
        }
    }

    static ModerationAction action(String method) {
        if (method.startsWith("claim")) {
            return ModerationAction.CLAIM;
        } else if (method.startsWith("release")) {
            return ModerationAction.RELEASE;
        } else if (method.startsWith("dismiss")) {
            return ModerationAction.DISMISS;
        } else if (method.startsWith("hide")) {
            return ModerationAction.HIDE;
        } else if (method.startsWith("restore")) {
            return ModerationAction.RESTORE;
        } else if (method.startsWith("softDelete")) {
            return ModerationAction.SOFT_DELETE;
        }
        return ModerationAction.VIEW;
    }

    private Target target(Class<?> service, String method, Object[] args) {
        if (args.length > 0 && args[0] instanceof AccountId member) {
            return Target.account(member.value());
        }
        if (service == ThreadControls.class && args.length > 0 && args[0] instanceof Long topic) {
            return Target.topic(topic);
        }
        if (args.length == 0 || !(args[0] instanceof Long id)) {
            return args.length > 0 && args[0] instanceof Target t ? t : null;
        }
        if (service == ReviewQueue.class) {
            return flags.find(id).map(FlagRepository.Item::target).orElse(null);
        }
        if (service == PollModeration.class) {
            return method.endsWith("Poll") ? Target.poll(id) : Target.pollOption(id);
        }
        if (service == PostModeration.class) {
            return method.endsWith("Topic") ? Target.topic(id) : Target.post(id);
        }
        return null;
    }
}
