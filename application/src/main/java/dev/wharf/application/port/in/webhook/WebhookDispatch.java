package dev.wharf.application.port.in.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The delivery worker: attempts the deliveries that are due, each under a lease. */
public interface WebhookDispatch {
    /** One pass over what is due; claims nothing more once {@code keepGoing} answers false. Returns the attempts. */
    int runOnce(BooleanSupplier keepGoing);

    /** The earliest retry this worker scheduled that is still ahead, so its loop waits no longer than that. */
    Optional<Instant> nextAttemptScheduled();
}
