package dev.wharf.domain.usage;

import dev.wharf.domain.shared.Require;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A half-open billing period [start, end). Periods are laid out from an anchor instant in UTC: period {@code k}
 * starts at the anchor plus {@code k} intervals, computed from the anchor each time, so an anchor on the 29th to
 * 31st falls on the last day of shorter months and comes back to its own day in longer ones. Consecutive periods
 * tile time: each one ends where the next begins.
 */
public record BillingPeriod(Instant start, Instant end, BillingInterval interval) {

    public BillingPeriod {
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        Require.nonNull(interval, "interval");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a billing period starts before it ends");
        }
    }

    /** The period, laid out from {@code anchor}, that contains {@code instant}. */
    public static BillingPeriod containing(Instant anchor, BillingInterval interval, Instant instant) {
        Require.nonNull(anchor, "anchor");
        Require.nonNull(interval, "interval");
        Require.nonNull(instant, "instant");
        ZonedDateTime origin = anchor.atZone(ZoneOffset.UTC);
        long k = ChronoUnit.MONTHS.between(origin, instant.atZone(ZoneOffset.UTC)) / interval.months();
        // MONTHS.between truncates toward zero, so k may be one period off on either side: step to the right one.
        while (boundary(origin, interval, k).isAfter(instant)) {
            k--;
        }
        while (!boundary(origin, interval, k + 1).isAfter(instant)) {
            k++;
        }
        return new BillingPeriod(boundary(origin, interval, k), boundary(origin, interval, k + 1), interval);
    }

    /** The period containing the clock's current instant. */
    public static BillingPeriod current(Instant anchor, BillingInterval interval, Clock clock) {
        return containing(anchor, interval, clock.instant());
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private static Instant boundary(ZonedDateTime origin, BillingInterval interval, long k) {
        return origin.plusMonths(k * interval.months()).toInstant();
    }
}
