package dev.wharf.application.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Moves on one millisecond each time it is read, so every reset gets its own time. */
public final class TickingClock extends Clock {
    private final MutableClock clock;

    public TickingClock(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Instant instant() {
        clock.advance(Duration.ofMillis(1));
        return clock.instant();
    }

    @Override
    public ZoneId getZone() {
        return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
