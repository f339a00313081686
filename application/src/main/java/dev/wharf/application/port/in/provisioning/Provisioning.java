package dev.wharf.application.port.in.provisioning;

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
}
