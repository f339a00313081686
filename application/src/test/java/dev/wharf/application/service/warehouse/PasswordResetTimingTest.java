package dev.wharf.application.service.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordResetTimingTest {
    @Test
    void theLeaseCoversTwiceTheLongestEngineCallAndHalfAMinuteButNeverLessThanTwoMinutes() {
        assertThat(PasswordResetTiming.coveringEngineCalls(Duration.ofSeconds(10))
                        .lease())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(PasswordResetTiming.coveringEngineCalls(Duration.ofSeconds(145))
                        .lease())
                .isEqualTo(Duration.ofSeconds(320));
        assertThat(PasswordResetTiming.coveringEngineCalls(Duration.ofSeconds(145))
                        .maxWait())
                .isEqualTo(PasswordResetTiming.defaults().maxWait());
    }

    @Test
    void aLeaseMustBePositiveAndAWaitNotNegative() {
        assertThatThrownBy(() -> new PasswordResetTiming(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordResetTiming(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PasswordResetTiming(Duration.ofSeconds(1), Duration.ZERO).maxWait())
                .isZero();
    }
}
