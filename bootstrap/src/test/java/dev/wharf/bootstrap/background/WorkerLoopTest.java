package dev.wharf.bootstrap.background;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.in.provisioning.Provisioning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** How long the provisioning loop waits after a pass that found nothing due. */
class WorkerLoopTest {
    private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final AtomicReference<Instant> scheduled = new AtomicReference<>();
    private final WorkerLoop loop = new WorkerLoop(worker(), IDLE, Clock.fixed(NOW, ZoneOffset.UTC));

    private Provisioning worker() {
        return new Provisioning() {
            @Override
            public int runOnce(BooleanSupplier keepGoing) {
                return 0;
            }

            @Override
            public Optional<Instant> nextAttemptScheduled() {
                return Optional.ofNullable(scheduled.get());
            }
        };
    }

    @Test
    void withNothingScheduledItWaitsTheIdleInterval() {
        assertThat(loop.waitMillis()).isEqualTo(1000);
    }

    @Test
    void anAttemptScheduledSoonerThanTheIdleIntervalIsWaitedForAndNoLonger() {
        scheduled.set(NOW.plusMillis(500));
        assertThat(loop.waitMillis()).isEqualTo(500);
    }

    @Test
    void anAttemptLaterThanTheIdleIntervalStillWaitsOnlyTheIdleInterval() {
        scheduled.set(NOW.plusSeconds(5));
        assertThat(loop.waitMillis()).isEqualTo(1000);
    }

    @Test
    void anAttemptAlreadyDueIsRunAtOnce() {
        scheduled.set(NOW.minusMillis(10));
        assertThat(loop.waitMillis()).isZero();
    }
}
