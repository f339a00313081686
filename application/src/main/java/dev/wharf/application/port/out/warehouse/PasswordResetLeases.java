package dev.wharf.application.port.out.warehouse;

import dev.wharf.domain.project.ProjectId;
import java.time.Instant;

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
     * Ends every live lease at {@code now}, keeping each as the mark of a reset that did not finish (a lease is given up
     * when its reset ends either way, so one that outlived it is that mark: the warehouse's status read shows it, see
     * {@link WarehouseRepository#findWithPasswordLastSet}); returns how many.
     * Only for a store that no other process can have open (dev mode's metadata file): there, every lease found at a
     * start was left by a process that died.
     */
    int endAll(Instant now);
}
