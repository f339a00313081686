package dev.wharf.domain.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: exponential backoff from {@link #FIRST_RETRY}, doubling up to {@link
 * #LONGEST_WAIT}, each wait drawn between half and all of that (jitter, so many deliveries failing together do not
 * retry together), for at least {@link #WINDOW} after the event: an attempt that fails at or after the window's end
 * is the last, and the delivery is failed.
 */
public final class DeliverySchedule {
    public static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    public static final Duration LONGEST_WAIT = Duration.ofHours(1);
    public static final Duration WINDOW = Duration.ofHours(24);

    private DeliverySchedule() {}

    /**
     * The next attempt after the {@code attempts}-th failed at {@code now}, for an event of {@code occurredAt}; null
     * when the window is over. {@code jitter} is a number in [0, 1]: 0 waits half the backoff, 1 all of it.
     */
    public static Instant nextAttempt(int attempts, Instant occurredAt, Instant now, double jitter) {
        if (!now.isBefore(occurredAt.plus(WINDOW))) {
            return null;
        }
        long longest = LONGEST_WAIT.toMillis();
        long wait = FIRST_RETRY.toMillis();
        for (int i = 1; i < attempts && wait < longest; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, longest);
        long drawn = wait / 2 + (long) (wait / 2.0 * Math.max(0, Math.min(jitter, 1)));
        return now.plusMillis(drawn);
    }
}
