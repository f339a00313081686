package dev.wharf.application.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a log line that callers or files can cause from filling Wharf's log: per key (a kind of failure, never a
 * caller's own words), the first occurrence is logged, the next ones within {@link #window} of it are only counted,
 * and the first one after the window is logged again with that count ("and 57 more like it within 60 s of the last
 * one logged"), which
 * opens the next window. So a key gives at most one line a window, however often it happens. At most {@code maxKeys}
 * keys are followed at once (windows that ended are forgotten first); beyond them, every other key shares one window.
 * A count is told with its key's next line: when the failures stop, the last window's count is not logged.
 */
public final class LogThrottle {
    /** The key all keys beyond the most followed share. */
    public static final String OTHERS = "(others)";

    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    public LogThrottle(Clock clock, Duration window, int maxKeys) {
        if (maxKeys < 1 || window.isNegative()) {
            throw new IllegalArgumentException("a throttle needs a window and at least one key");
        }
        this.clock = clock;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    /**
     * Whether this occurrence of {@code key} is to be logged, and with what count. {@code reference} (an error id, say)
     * is kept with a logged occurrence, and every occurrence of its window is given it back, so that what a caller is
     * told names the line that was logged.
     */
    public synchronized Verdict admit(String key, String reference) {
        Instant now = clock.instant();
        Window open = windows.get(key);
        if (open == null && windows.size() >= maxKeys) {
            forgetEnded(now);
            if (windows.size() >= maxKeys) {
                key = OTHERS;
                open = windows.get(OTHERS);
            }
        }
        if (open != null && now.isBefore(open.start.plus(window))) {
            open.leftOut++;
            return new Verdict(false, 0, window, open.reference);
        }
        long leftOut = open == null ? 0 : open.leftOut;
        windows.remove(key);
        windows.put(key, new Window(now, reference));
        return new Verdict(true, leftOut, window, reference);
    }

    private void forgetEnded(Instant now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().start.plus(window))) {
                it.remove();
            }
        }
    }

    /**
     * What to do with one occurrence: log it or not; if so, how many were left out before it (in the window before);
     * and the reference of the occurrence that was logged for its window.
     */
    public record Verdict(boolean log, long leftOut, Duration window, String reference) {
        /** What to add to the logged line: the count left out before it, or nothing. */
        public String summary() {
            return leftOut == 0
                    ? ""
                    : " (and " + leftOut + " more like it within " + window.toSeconds() + " s of the last one logged)";
        }
    }

    private static final class Window {
        final Instant start;
        final String reference;
        long leftOut;

        Window(Instant start, String reference) {
            this.start = start;
            this.reference = reference;
        }
    }
}
