package dev.wharf.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {
    private static final Instant EVENT = Instant.parse("2026-12-03T00:00:00Z");

    @Test
    void waitsDoubleFromTenSecondsUpToAnHourWithoutJitter() {
        assertThat(wait(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(wait(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(wait(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(wait(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(wait(10)).isEqualTo(Duration.ofHours(1));
        assertThat(wait(500)).isEqualTo(Duration.ofHours(1));
    }

    private static Duration wait(int attempts) {
        return Duration.between(EVENT, DeliverySchedule.nextAttempt(attempts, EVENT, EVENT, 1.0));
    }

    @Test
    void jitterDrawsBetweenHalfAndAllOfTheWait() {
        assertThat(DeliverySchedule.nextAttempt(1, EVENT, EVENT, 0)).isEqualTo(EVENT.plusSeconds(5));
        assertThat(DeliverySchedule.nextAttempt(1, EVENT, EVENT, 0.5)).isEqualTo(EVENT.plusMillis(7500));
    }

    @Test
    void anAttemptFailingAtOrAfterTheWindowsEndIsTheLast() {
        assertThat(DeliverySchedule.nextAttempt(3, EVENT, EVENT.plus(Duration.ofHours(24)), 0.3))
                .isNull();
        assertThat(DeliverySchedule.nextAttempt(
                        3, EVENT, EVENT.plus(Duration.ofHours(24)).minusMillis(1), 0.3))
                .isNotNull();
    }

    /** A receiver that never answers 2xx is tried for at least 24 hours, never more than an hour apart. */
    @Property(tries = 200)
    void aDeliveryThatAlwaysFailsIsRetriedForTheWholeWindow(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        Instant now = EVENT;
        int attempts = 1;
        Instant next;
        while ((next = DeliverySchedule.nextAttempt(attempts, EVENT, now, random.nextDouble())) != null) {
            assertThat(Duration.between(now, next)).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
            now = next;
            attempts++;
        }
        assertThat(now).isAfterOrEqualTo(EVENT.plus(Duration.ofHours(24)));
        assertThat(now).isBefore(EVENT.plus(Duration.ofHours(25)));
        assertThat(attempts).isBetween(30, 60);
    }
}
