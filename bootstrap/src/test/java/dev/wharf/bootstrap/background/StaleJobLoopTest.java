package dev.wharf.bootstrap.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.bootstrap.config.JobsConfiguration;
import dev.wharf.bootstrap.config.WharfConfiguration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The managed loop that fails jobs without a heartbeat: runs every interval, survives a failed pass, stops. */
class StaleJobLoopTest {

    @Test
    void passesRunEveryIntervalAndAFailedPassIsRetried() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        StaleJobLoop loop = new StaleJobLoop(
                () -> {
                    if (passes.incrementAndGet() == 1) {
                        throw new IllegalStateException("database down");
                    }
                    return 0;
                },
                Duration.ofMillis(20),
                Metrics.NONE);

        loop.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (passes.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        loop.stop();
        int afterStop = passes.get();
        Thread.sleep(100);

        assertThat(afterStop).isGreaterThanOrEqualTo(3);
        assertThat(passes.get()).isEqualTo(afterStop);
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new StaleJobLoop(() -> 0, Duration.ZERO, Metrics.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsAreThirtyMinutesAndThirtySeconds() {
        JobsConfiguration jobs = new WharfConfiguration().getJobs();

        assertThat(jobs.heartbeatTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(jobs.staleCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    }
}
