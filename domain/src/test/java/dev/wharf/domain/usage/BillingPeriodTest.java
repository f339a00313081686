package dev.wharf.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    private static List<Instant> starts(Instant anchor, BillingInterval interval, int count) {
        List<Instant> starts = new ArrayList<>();
        BillingPeriod period = BillingPeriod.containing(anchor, interval, anchor);
        for (int i = 0; i < count; i++) {
            starts.add(period.start());
            period = BillingPeriod.containing(anchor, interval, period.end());
        }
        return starts;
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void aMonthlyAnchorOnThe31stFallsOnTheLastDayOfShorterMonthsAndComesBack() {
        assertThat(starts(at("2023-01-31T10:15:00Z"), BillingInterval.MONTH, 5))
                .containsExactly(
                        at("2023-01-31T10:15:00Z"),
                        at("2023-02-28T10:15:00Z"),
                        at("2023-03-31T10:15:00Z"),
                        at("2023-04-30T10:15:00Z"),
                        at("2023-05-31T10:15:00Z"));
    }

    @Test
    void aMonthlyAnchorOnJanuary31stFallsOnFebruary29thInALeapYear() {
        assertThat(starts(at("2024-01-31T00:00:00Z"), BillingInterval.MONTH, 3))
                .containsExactly(at("2024-01-31T00:00:00Z"), at("2024-02-29T00:00:00Z"), at("2024-03-31T00:00:00Z"));
    }

    @Test
    void aYearlyAnchorOnFebruary29thFallsOnFebruary28thInOtherYears() {
        assertThat(starts(at("2024-02-29T08:00:00Z"), BillingInterval.YEAR, 5))
                .containsExactly(
                        at("2024-02-29T08:00:00Z"),
                        at("2025-02-28T08:00:00Z"),
                        at("2026-02-28T08:00:00Z"),
                        at("2027-02-28T08:00:00Z"),
                        at("2028-02-29T08:00:00Z"));
    }

    @Test
    void instantsBeforeTheAnchorBelongToEarlierPeriods() {
        Instant anchor = at("2024-03-31T12:00:00Z");

        BillingPeriod period = BillingPeriod.containing(anchor, BillingInterval.MONTH, at("2024-02-15T00:00:00Z"));

        assertThat(period.start()).isEqualTo(at("2024-01-31T12:00:00Z"));
        assertThat(period.end()).isEqualTo(at("2024-02-29T12:00:00Z"));
    }

    @Test
    void instantsDecadesBeforeTheAnchorWork() {
        BillingPeriod period =
                BillingPeriod.containing(at("2199-12-31T23:59:59Z"), BillingInterval.YEAR, at("1970-01-01T00:00:00Z"));

        assertThat(period.start()).isEqualTo(at("1969-12-31T23:59:59Z"));
        assertThat(period.end()).isEqualTo(at("1970-12-31T23:59:59Z"));
    }

    @Test
    void theAnchorItselfStartsAPeriodAndTheEndBelongsToTheNext() {
        Instant anchor = at("2025-05-17T06:30:00Z");

        BillingPeriod first = BillingPeriod.containing(anchor, BillingInterval.MONTH, anchor);
        BillingPeriod lastNano =
                BillingPeriod.containing(anchor, BillingInterval.MONTH, at("2025-06-17T06:29:59.999999999Z"));
        BillingPeriod second = BillingPeriod.containing(anchor, BillingInterval.MONTH, at("2025-06-17T06:30:00Z"));

        assertThat(first).isEqualTo(new BillingPeriod(anchor, at("2025-06-17T06:30:00Z"), BillingInterval.MONTH));
        assertThat(lastNano).isEqualTo(first);
        assertThat(second.start()).isEqualTo(first.end());
    }

    @Test
    void theCurrentPeriodFollowsTheClock() {
        Instant anchor = at("2025-01-31T00:00:00Z");
        Clock clock = Clock.fixed(at("2025-03-01T00:00:00Z"), ZoneOffset.UTC);

        BillingPeriod current = BillingPeriod.current(anchor, BillingInterval.MONTH, clock);

        assertThat(current).isEqualTo(BillingPeriod.containing(anchor, BillingInterval.MONTH, clock.instant()));
        assertThat(current.start()).isEqualTo(at("2025-02-28T00:00:00Z"));
        assertThat(current.end()).isEqualTo(at("2025-03-31T00:00:00Z"));
    }

    @Test
    void containsIsHalfOpen() {
        BillingPeriod period =
                new BillingPeriod(at("2025-01-01T00:00:00Z"), at("2025-02-01T00:00:00Z"), BillingInterval.MONTH);

        assertThat(period.contains(period.start())).isTrue();
        assertThat(period.contains(period.end().minusNanos(1))).isTrue();
        assertThat(period.contains(period.end())).isFalse();
        assertThat(period.contains(period.start().minusNanos(1))).isFalse();
    }

    @Test
    void aPeriodMustStartBeforeItEnds() {
        Instant t = at("2025-01-01T00:00:00Z");

        assertThatThrownBy(() -> new BillingPeriod(t, t, BillingInterval.MONTH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BillingPeriod(t.plusSeconds(1), t, BillingInterval.MONTH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalsHaveWireNamesAndLengthsInMonths() {
        assertThat(BillingInterval.fromWireName("month")).isEqualTo(BillingInterval.MONTH);
        assertThat(BillingInterval.fromWireName("year")).isEqualTo(BillingInterval.YEAR);
        assertThat(BillingInterval.MONTH.months()).isEqualTo(1);
        assertThat(BillingInterval.YEAR.months()).isEqualTo(12);
        assertThatThrownBy(() -> BillingInterval.fromWireName("week")).isInstanceOf(RuleViolationException.class);
    }
}
