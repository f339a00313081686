package dev.wharf.adapters.out.webhook;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A moment a phase of a delivery must end by. A socket's own timeout bounds each read, not a run of reads: a receiver
 * sending one byte a second would never trip it. Giving every read only the time left until the deadline makes the
 * timeout a total.
 */
final class Deadline {
    private final Duration length;
    private final long end;

    private Deadline(Duration length) {
        this.length = length;
        this.end = System.nanoTime() + length.toNanos();
    }

    static Deadline after(Duration length) {
        return new Deadline(length);
    }

    boolean passed() {
        return System.nanoTime() - end >= 0;
    }

    long remainingNanos() {
        return Math.max(0, end - System.nanoTime());
    }

    /** The time left, rounded up, as a socket timeout (never 0, which would mean no timeout at all). */
    int remainingMillis() throws SocketTimeoutException {
        long nanos = end - System.nanoTime();
        if (nanos <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
    }

    /** The deadline's length as a detail says it: "5 s", "300 ms". */
    String length() {
        long millis = length.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
