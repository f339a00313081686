package dev.wharf.application.port.in.provisioning;

import java.util.function.BooleanSupplier;

/** One pass of the provisioning worker over the warehouses with work due; returns how many it worked on. */
public interface RunProvisioningUseCase {
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
