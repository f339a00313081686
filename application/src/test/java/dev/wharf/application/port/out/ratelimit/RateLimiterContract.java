package dev.wharf.application.port.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.ratelimit.RateLimiter.Count;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@link RateLimiter} counts each project's calls per window atomically, in storage that every instance shares:
 * of concurrent calls from two instances, exactly the limit are admitted.
 */
public abstract class RateLimiterContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId OTHER = ProjectId.of(2);
    private static final Instant W0 = Instant.parse("2026-03-14T09:26:00Z");
    private static final Instant W1 = W0.plusSeconds(60);

    @Test
    void callsAreAdmittedUpToTheLimitAndARefusedCallTakesNothing() {
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counts.add(store.rateLimiter().take(PROJECT, W0, 3));
        }

        assertThat(counts)
                .containsExactly(
                        new Count(true, 1),
                        new Count(true, 2),
                        new Count(true, 3),
                        new Count(false, 3),
                        new Count(false, 3));
    }

    @Test
    void eachWindowAndEachProjectHasItsOwnBudget() {
        store.rateLimiter().take(PROJECT, W0, 1);

        assertThat(store.rateLimiter().take(PROJECT, W0, 1)).isEqualTo(new Count(false, 1));
        assertThat(store.rateLimiter().take(OTHER, W0, 1)).isEqualTo(new Count(true, 1));
        assertThat(store.rateLimiter().take(PROJECT, W1, 1)).isEqualTo(new Count(true, 1));
    }

    @Test
    void aNewWindowForgetsTheProjectsOlderWindowsAndNoOneElses() {
        store.rateLimiter().take(PROJECT, W0, 5);
        store.rateLimiter().take(OTHER, W0, 5);

        store.rateLimiter().take(PROJECT, W1, 5);
        store.rateLimiter().take(PROJECT, W1, 5);

        assertThat(store.rateLimitWindows(PROJECT)).isEqualTo(1);
        assertThat(store.rateLimitWindows(OTHER)).isEqualTo(1);
        assertThat(store.rateLimiter().take(PROJECT, W1, 5)).isEqualTo(new Count(true, 3));
    }

    @Test
    void aLimitLoweredWhileAWindowIsOpenRefusesTheRestOfIt() {
        for (int i = 0; i < 5; i++) {
            store.rateLimiter().take(PROJECT, W0, 10);
        }

        assertThat(store.rateLimiter().take(PROJECT, W0, 3)).isEqualTo(new Count(false, 5));
        assertThat(store.rateLimiter().take(PROJECT, W0, 6)).isEqualTo(new Count(true, 6));
    }

    @Test
    void twoInstancesShareOneLimitUnderConcurrentCalls() throws Exception {
        RateLimiter[] instances = {store.rateLimiter(), store.rateLimiterOfAnotherInstance()};
        int limit = 25;
        int calls = 60;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Count>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                RateLimiter instance = instances[i % 2];
                futures.add(threads.submit(() -> {
                    start.await();
                    return instance.take(PROJECT, W0, limit);
                }));
            }
            start.countDown();
            List<Count> counts = new ArrayList<>();
            for (Future<Count> future : futures) {
                counts.add(future.get(60, TimeUnit.SECONDS));
            }

            assertThat(counts.stream().filter(Count::admitted)).hasSize(limit);
            assertThat(counts.stream().filter(Count::admitted).map(Count::used))
                    .as("each admitted call took its own place in the window")
                    .doesNotHaveDuplicates()
                    .allSatisfy(used -> assertThat(used).isBetween(1, limit));
            assertThat(counts.stream().filter(c -> !c.admitted()))
                    .allSatisfy(c -> assertThat(c.used()).isEqualTo(limit));
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(instances[1].take(PROJECT, W0, limit)).isEqualTo(new Count(false, limit));
    }
}
