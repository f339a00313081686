package dev.wharf.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/**
 * Billing periods over anchors anywhere from 1970 to 2200, weighted towards the 28th to 31st, at any time of day,
 * with instants both far from the anchor and close to it, before and after.
 */
class BillingPeriodPropertiesTest {
    private static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2200-01-01T00:00:00Z");

    @Property(tries = 3000)
    void thePeriodContainsTheInstantHalfOpen(
            @ForAll("anchorAndInstant") Tuple2<Instant, Instant> c, @ForAll BillingInterval interval) {
        BillingPeriod period = BillingPeriod.containing(c.get1(), interval, c.get2());
        Statistics.label("instant before anchor").collect(c.get2().isBefore(c.get1()));

        assertThat(period.start()).isBeforeOrEqualTo(c.get2());
        assertThat(period.end()).isAfter(c.get2());
        assertThat(period.contains(c.get2())).isTrue();
        assertThat(period.interval()).isEqualTo(interval);
    }

    @Property(tries = 3000)
    void theNextPeriodStartsExactlyWhereThisOneEnds(
            @ForAll("anchorAndInstant") Tuple2<Instant, Instant> c, @ForAll BillingInterval interval) {
        BillingPeriod period = BillingPeriod.containing(c.get1(), interval, c.get2());

        BillingPeriod next = BillingPeriod.containing(c.get1(), interval, period.end());

        assertThat(next.start()).isEqualTo(period.end());
        assertThat(next.end()).isAfter(next.start());
        assertThat(period.contains(period.end())).isFalse();
    }

    @Property(tries = 3000)
    void thePreviousPeriodEndsExactlyWhereThisOneStarts(
            @ForAll("anchorAndInstant") Tuple2<Instant, Instant> c, @ForAll BillingInterval interval) {
        BillingPeriod period = BillingPeriod.containing(c.get1(), interval, c.get2());

        BillingPeriod previous =
                BillingPeriod.containing(c.get1(), interval, period.start().minusNanos(1));

        assertThat(previous.end()).isEqualTo(period.start());
        assertThat(previous.start()).isBefore(previous.end());
    }

    @Property(tries = 3000)
    void everyInstantOfAPeriodGivesThatSamePeriod(
            @ForAll("anchorAndInstant") Tuple2<Instant, Instant> c, @ForAll BillingInterval interval) {
        BillingPeriod period = BillingPeriod.containing(c.get1(), interval, c.get2());

        assertThat(BillingPeriod.containing(c.get1(), interval, period.start())).isEqualTo(period);
        assertThat(BillingPeriod.containing(c.get1(), interval, period.end().minusNanos(1)))
                .isEqualTo(period);
    }

    @Property(tries = 3000)
    void periodsStartOnTheAnchorsDayOrTheLastDayOfAShorterMonthAtTheAnchorsTime(
            @ForAll("anchorAndInstant") Tuple2<Instant, Instant> c, @ForAll BillingInterval interval) {
        ZonedDateTime anchor = c.get1().atZone(ZoneOffset.UTC);
        BillingPeriod period = BillingPeriod.containing(c.get1(), interval, c.get2());

        for (Instant boundary : new Instant[] {period.start(), period.end()}) {
            ZonedDateTime b = boundary.atZone(ZoneOffset.UTC);
            long months = ChronoUnit.MONTHS.between(YearMonth.from(anchor), YearMonth.from(b));
            assertThat(months % interval.months()).isZero();
            assertThat(b.toLocalTime()).isEqualTo(anchor.toLocalTime());
            assertThat(b.getDayOfMonth())
                    .isEqualTo(
                            Math.min(anchor.getDayOfMonth(), YearMonth.from(b).lengthOfMonth()));
        }
    }

    @Property(tries = 3000)
    void aMonthLastsTwentyEightToThirtyOneDaysAndAYear365Or366(
            @ForAll("anchorAndInstant") Tuple2<Instant, Instant> c, @ForAll BillingInterval interval) {
        BillingPeriod period = BillingPeriod.containing(c.get1(), interval, c.get2());
        Duration length = Duration.between(period.start(), period.end());

        if (interval == BillingInterval.MONTH) {
            assertThat(length).isBetween(Duration.ofDays(28), Duration.ofDays(31));
        } else {
            assertThat(length).isIn(Duration.ofDays(365), Duration.ofDays(366));
        }
    }

    @Property(tries = 1000)
    void theCurrentPeriodIsTheOneContainingTheClocksInstant(
            @ForAll("anchorAndInstant") Tuple2<Instant, Instant> c, @ForAll BillingInterval interval) {
        Clock clock = Clock.fixed(c.get2(), ZoneOffset.ofHours(-11));

        assertThat(BillingPeriod.current(c.get1(), interval, clock))
                .isEqualTo(BillingPeriod.containing(c.get1(), interval, c.get2()));
    }

    @Provide
    Arbitrary<Tuple2<Instant, Instant>> anchorAndInstant() {
        return anchors()
                .flatMap(anchor -> Arbitraries.oneOf(anywhere(), near(anchor), onABoundary(anchor))
                        .map(instant -> Tuple.of(anchor, instant)));
    }

    /** Instants on period boundaries of the anchor, at their exact nanosecond or just before. */
    private static Arbitrary<Instant> onABoundary(Instant anchor) {
        return Combinators.combine(Arbitraries.integers().between(-400, 400), Arbitraries.of(0L, 1L))
                .as((months, back) -> anchor.atZone(ZoneOffset.UTC)
                        .plusMonths(months)
                        .toInstant()
                        .minusNanos(back));
    }

    private static Arbitrary<Instant> near(Instant anchor) {
        return Arbitraries.longs()
                .between(-3 * 366 * 86_400L, 3 * 366 * 86_400L)
                .map(anchor::plusSeconds);
    }

    private static Arbitrary<Instant> anywhere() {
        return Combinators.combine(
                        Arbitraries.longs().between(FROM.getEpochSecond(), UNTIL.getEpochSecond() - 1),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    /** Anchors between 1970 and 2200, most on the 28th to 31st (clamped to the month), at varied times of day. */
    static Arbitrary<Instant> anchors() {
        Arbitrary<Integer> day = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(28, 31)),
                Tuple.of(1, Arbitraries.integers().between(1, 27)));
        Arbitrary<Integer> nanos =
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(
                        Arbitraries.integers().between(1970, 2199),
                        Arbitraries.integers().between(1, 12),
                        day,
                        Arbitraries.integers().between(0, 23),
                        Arbitraries.integers().between(0, 59),
                        Arbitraries.integers().between(0, 59),
                        nanos)
                .as((y, m, d, h, min, s, n) -> {
                    YearMonth month = YearMonth.of(y, m);
                    int dayOfMonth = Math.min(d, month.lengthOfMonth());
                    return LocalDateTime.of(y, m, dayOfMonth, h, min, s, n).toInstant(ZoneOffset.UTC);
                });
    }
}
