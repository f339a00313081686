package dev.wharf.application.access;

import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.project.ProjectId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A management action that {@link ActionGuard#admit} let through, waiting to be told how it ended: {@link
 * #succeeded()} inside the action's transaction, or {@link #failed} after it rolled back (also after {@code
 * succeeded()}, when that transaction then failed to commit and took the success entry with it).
 */
public final class Admission {
    private final ActionGuard guard;
    private final AuditAction action;
    private final Actor actor;
    private final ProjectId project;
    private final AtomicReference<String> told = new AtomicReference<>("");

    Admission(ActionGuard guard, AuditAction action, Actor actor, ProjectId project) {
        this.guard = guard;
        this.action = action;
        this.actor = actor;
        this.project = project;
    }

    /** The action succeeded: its entry is written in the caller's transaction, which must be the action's. */
    public void succeeded() {
        tell("succeeded", "");
        guard.succeeded(action, actor, project);
    }

    /**
     * The action failed with {@code failure} and its transaction has rolled back: the entry is written on its own.
     * Returns what the caller throws: {@code failure}, or the error of an entry that could not be written with {@code
     * failure} attached.
     */
    public RuntimeException failed(RuntimeException failure) {
        if (!told.compareAndSet("", "failed")) {
            tell("failed", "succeeded");
        }
        return guard.failed(failure, action, actor, project);
    }

    private void tell(String outcome, String allowedBefore) {
        String before = told.getAndSet(outcome);
        if (!before.equals(allowedBefore)) {
            throw new IllegalStateException("an admission already told " + before + " cannot be told " + outcome);
        }
    }
}
