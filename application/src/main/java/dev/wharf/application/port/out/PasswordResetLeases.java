package dev.wharf.application.port.out;

import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.Optional;

/**
 * Which password reset holds a project's warehouse, and until when. A reset takes the lease in a short transaction,
 * tells the engine with no transaction open (the engine may take its whole timeout, and nothing should hold a database
 * connection or a row lock meanwhile), and gives the lease up in the transaction that records the new password. So
 * resets of one warehouse still run one after the other, from every instance behind the database, and a reset whose
 * process died holds the warehouse only until its lease expires.
 */
public interface PasswordResetLeases {
    /**
     * Takes the project's lease for {@code owner} until {@code until}, unless a lease live at {@code now} is held (by
     * anyone, {@code owner} too); says whether it did. Call it with the project's warehouse row locked.
     */
    boolean take(ProjectId project, String owner, Instant now, Instant until);

    /** Gives up the project's lease if {@code owner} still holds it; says whether it did. */
    boolean release(ProjectId project, String owner);

    /**
     * When the lease of a reset that never finished ran out, if one did and no reset has taken the warehouse since: a
     * lease is given up when its reset ends either way, so an expired one is the mark of a reset whose process died (or
     * whose engine call outlasted it). The engine may then have taken a password that no one was shown.
     */
    Optional<Instant> unfinishedSince(ProjectId project, Instant now);

    /**
     * Ends every live lease at {@code now}, keeping each as the mark of a reset that did not finish; returns how many.
     * Only for a store that no other process can have open (dev mode's metadata file): there, every lease found at a
     * start was left by a process that died.
     */
    int endAll(Instant now);
}
