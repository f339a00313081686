package dev.wharf.application.port.in.provisioning;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The provisioning worker, which moves warehouses through their states on their engine. */
public interface Provisioning {
    default int runOnce() {
        return runOnce(() -> true);
    }

    /**
     * A pass that claims no further warehouse once {@code keepGoing} answers false: a stopping server finishes the
     * warehouse in hand and releases it, instead of working through the rest of the batch (one engine call each) while
     * its shutdown waits.
     */
    int runOnce(BooleanSupplier keepGoing);

    /**
     * The earliest time this worker scheduled a warehouse for its next attempt that is still ahead (a poll of an
     * engine still working, or a retry), so that a loop waits for it rather than a whole idle interval; empty when it
     * scheduled none. Another instance may take that warehouse first: then the next pass finds nothing and this empties.
     */
    default Optional<Instant> nextAttemptScheduled() {
        return Optional.empty();
    }
}
