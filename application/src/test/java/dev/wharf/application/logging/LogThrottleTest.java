package dev.wharf.application.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** At most one line a minute per kind of failure, the count of those left out told with the next one. */
class LogThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final LogThrottle throttle = new LogThrottle(clock, Duration.ofMinutes(1), 2);

    @Test
    void theFirstIsLoggedTheRestOfTheMinuteCountedAndTheNextLineSaysHowMany() {
        assertThat(throttle.admit("bad key", "a").log()).isTrue();
        for (int i = 0; i < 199; i++) {
            clock.advance(Duration.ofMillis(100));
            LogThrottle.Verdict verdict = throttle.admit("bad key", "b" + i);
            assertThat(verdict.log()).isFalse();
            assertThat(verdict.reference()).as("the logged line's").isEqualTo("a");
        }
        clock.advance(Duration.ofSeconds(41));
        LogThrottle.Verdict next = throttle.admit("bad key", "c");
        assertThat(next.log()).isTrue();
        assertThat(next.reference()).isEqualTo("c");
        assertThat(next.summary()).isEqualTo(" (and 199 more like it within 60 s of the last one logged)");
        assertThat(throttle.admit("bad key", "d").summary()).isEmpty();
    }

    @Test
    void beyondTheKeysFollowedOthersShareOneWindowUntilAWindowEnds() {
        assertThat(throttle.admit("one", null).log()).isTrue();
        assertThat(throttle.admit("two", null).log()).isTrue();
        assertThat(throttle.admit("three", null).log())
                .as("no room: the first of the shared window")
                .isTrue();
        assertThat(throttle.admit("four", null).log()).as("the shared window's").isFalse();
        assertThat(throttle.admit("one", null).log()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.admit("five", null).log())
                .as("ended windows are forgotten first")
                .isTrue();
        assertThat(throttle.admit("one", null).log()).isTrue();
    }

    @Test
    void aFailureIsOneLineWithItsCausesHoweverLongItsMessages() {
        Exception failure =
                new IllegalStateException("first line\n  Detail: second", new java.io.IOException("x".repeat(2000)));
        String line = OneLine.of(failure);
        assertThat(line)
                .doesNotContain("\n")
                .startsWith("java.lang.IllegalStateException: first line / Detail: second"
                        + " <- java.io.IOException: xxx");
        assertThat(line).hasSize(OneLine.MAX_CHARS + 1);
    }
}
