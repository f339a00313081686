package dev.wharf.application.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.ratelimit.RateLimitStatus;
import dev.wharf.domain.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Fixed one-minute windows on the clock's whole minutes. */
class RateLimitPolicyTest {
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T09:27:00Z"));
    private final RateLimitPolicy policy = new RateLimitPolicy(store.rateLimiter(), 2, clock);

    @Test
    void aWindowRunsFromOneWholeMinuteToTheNext() {
        RateLimitStatus first = policy.take(PROJECT);
        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        RateLimitStatus last = policy.take(PROJECT);
        RateLimitStatus refused = policy.take(PROJECT);
        clock.advance(Duration.ofMillis(1));
        RateLimitStatus next = policy.take(PROJECT);

        Instant end = Instant.parse("2026-03-14T09:28:00Z");
        assertThat(first).isEqualTo(new RateLimitStatus(true, 2, 1, end, 60));
        assertThat(last).isEqualTo(new RateLimitStatus(true, 2, 0, end, 1));
        assertThat(refused).isEqualTo(new RateLimitStatus(false, 2, 0, end, 1));
        assertThat(next).isEqualTo(new RateLimitStatus(true, 2, 1, end.plusSeconds(60), 60));
    }

    @Test
    void aLimitBelowOneIsAMistakeOfTheConfiguration() {
        assertThatThrownBy(() -> new RateLimitPolicy(store.rateLimiter(), 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
