package dev.wharf.application.access;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.in.ratelimit.RateLimitExceededException;
import dev.wharf.application.port.in.ratelimit.RateLimitListener;
import dev.wharf.application.port.in.ratelimit.RateLimitStatus;
import dev.wharf.application.port.out.audit.AuditLog;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.ratelimit.RateLimitPolicy;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.DomainException;
import java.time.Clock;

/**
 * What stands in front of the warehouse management actions (provision, deprovision, reset-password), in this order:
 *
 * <ol>
 *   <li>Access, as {@link ProjectAccess#requireAdmin}. A project the caller cannot see is refused (404) and <em>not</em>
 *       recorded: the refusal names no project the caller may see, and recording it would put strangers' probes into
 *       the log of a project they are not part of. A missing scope or role is refused (403) and recorded as
 *       {@code denied}.
 *   <li>The project's rate limit. Only a caller who passed access gets here, so an outsider, or a member without the
 *       role, cannot use up a project's budget: a denied request does not count. A call that finds the budget used
 *       is refused (429), recorded as {@code throttled}, and does not count either. Every other call counts, whatever
 *       the action then does (succeeds, or fails on a bad name, a state that does not allow it, an engine down).
 *   <li>The action, done by the service that was handed the {@link Admission}: it tells the admission
 *       {@link Admission#succeeded()} inside the action's transaction, so neither exists without the other (an action
 *       may do part of its work before that transaction, outside any), or {@link Admission#failed} once the
 *       transaction rolled back, which writes the {@code failed} entry on its own, so it is not lost with the action.
 * </ol>
 *
 * <p>An entry that cannot be written fails the request (the refusal it was recording travels as a suppressed
 * exception): no management request goes unrecorded. Admit outside any transaction, so that a refusal's entry is
 * committed on its own.
 */
public final class ActionGuard {
    static final String ENGINE_UNREACHABLE = "Provisioning service is unreachable";
    static final String ENGINE_REFUSED_CREDENTIALS = "Provisioning service refused Wharf's credentials";
    static final String ENGINE_TIMED_OUT = "Provisioning service timed out";
    static final String INTERNAL_ERROR = "internal error";

    private final ProjectAccess access;
    private final RateLimitPolicy rateLimit;
    private final AuditLog audit;
    private final Clock clock;
    private final Metrics metrics;

    public ActionGuard(ProjectAccess access, RateLimitPolicy rateLimit, AuditLog audit, Clock clock, Metrics metrics) {
        this.access = access;
        this.rateLimit = rateLimit;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Admits {@code actor} to {@code action} on {@code project} if access and the project's limit allow it, or throws
     * the refusal (recorded as described above); {@code refusal} is the 403's message for a member who is not an
     * admin. The caller then does the work and tells the admission how it ended.
     */
    public Admission admit(
            AuditAction action, Actor actor, ProjectId project, String refusal, RateLimitListener listener) {
        try {
            access.requireAdmin(actor, project, Scope.WAREHOUSE_VIEW_WRITE, refusal);
        } catch (MissingScopeException | NotAnAdminException denied) {
            throw recorded(denied, action, actor, project, AuditOutcome.DENIED, denied.getMessage());
        }
        RateLimitStatus status = rateLimit.take(project);
        listener.counted(status);
        if (!status.admitted()) {
            throw recorded(
                    new RateLimitExceededException(status), action, actor, project, AuditOutcome.THROTTLED, null);
        }
        return new Admission(this, action, actor, project);
    }

    /** Records that the admitted action succeeded: in the action's own transaction, so that both commit or neither. */
    void succeeded(AuditAction action, Actor actor, ProjectId project) {
        audit.record(entry(action, actor, project, AuditOutcome.SUCCEEDED, null));
        metrics.managementCall(action, AuditOutcome.SUCCEEDED);
    }

    /** Records that the admitted action failed with {@code failure}, after its transaction rolled back. */
    RuntimeException failed(RuntimeException failure, AuditAction action, Actor actor, ProjectId project) {
        return recorded(failure, action, actor, project, AuditOutcome.FAILED, detail(failure));
    }

    private RuntimeException recorded(
            RuntimeException refusal,
            AuditAction action,
            Actor actor,
            ProjectId project,
            AuditOutcome outcome,
            String detail) {
        metrics.managementCall(action, outcome);
        try {
            audit.record(entry(action, actor, project, outcome, detail));
        } catch (RuntimeException unrecorded) {
            unrecorded.addSuppressed(refusal);
            return unrecorded;
        }
        return refusal;
    }

    private AuditEntry entry(AuditAction action, Actor actor, ProjectId project, AuditOutcome outcome, String detail) {
        return AuditEntry.record(clock.instant(), actor.userId(), actor.apiKeyId(), project, action, outcome, detail);
    }

    /** The words the caller got; an unexpected error, whose details are for the server's log, is "internal error". */
    static String detail(RuntimeException failure) {
        if (failure instanceof BackendUnavailableException backend) {
            if (backend.reason() == BackendUnavailableException.Reason.CREDENTIALS_REFUSED) {
                return ENGINE_REFUSED_CREDENTIALS;
            }
            return backend.reason() == BackendUnavailableException.Reason.TIMEOUT
                    ? ENGINE_TIMED_OUT
                    : ENGINE_UNREACHABLE;
        }
        if (failure instanceof DomainException) {
            return failure.getMessage();
        }
        return INTERNAL_ERROR;
    }
}
