package dev.wharf.application.cache;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.fake.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load(String value) {
        loads.incrementAndGet();
        return Optional.ofNullable(value);
    }

    @Test
    void aFoundValueIsRememberedUntilItExpires() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), clock, 100);

        assertThat(cache.get("k", () -> load("v1"))).contains("v1");
        clock.advance(Duration.ofMillis(4_999));
        assertThat(cache.get("k", () -> load("v2"))).contains("v1");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("k", () -> load("v2"))).contains("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void somethingNotFoundIsAskedForAgainAndAGoneValueIsForgotten() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), clock, 100);

        assertThat(cache.get("k", () -> load(null))).isEmpty();
        assertThat(cache.get("k", () -> load("v"))).contains("v");
        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.get("k", () -> load(null))).isEmpty();
        assertThat(cache.get("k", () -> load("w"))).contains("w");
        assertThat(loads).hasValue(4);
    }

    @Test
    void aZeroLifetimeRemembersNothingAndAFullCacheStartsOver() {
        ExpiringCache<String, String> none = new ExpiringCache<>(Duration.ZERO, clock, 100);
        none.get("k", () -> load("v"));
        none.get("k", () -> load("v"));
        assertThat(loads).hasValue(2);

        ExpiringCache<Integer, String> small = new ExpiringCache<>(Duration.ofSeconds(5), clock, 2);
        small.get(1, () -> load("a"));
        small.get(2, () -> load("b"));
        small.get(3, () -> load("c"));
        small.get(1, () -> load("a"));
        small.get(3, () -> load("c"));
        assertThat(loads).hasValue(2 + 4);
    }
}
