package dev.wharf.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FreshnessTest {
    private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

    @ParameterizedTest
    @CsvSource({"5m,PT5M,5m", "90m,PT1H30M,90m", "6h,PT6H,6h", "24h,PT24H,1d", "1d,PT24H,1d", "90d,PT2160H,90d"})
    void readAndShownInItsLargestUnit(String text, Duration window, String shown) {
        assertThat(Freshness.parse(text).window()).isEqualTo(window);
        assertThat(Freshness.parse(text).text()).isEqualTo(shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6", "h", "6 h", "6H", "-6h", "0m", "06h", "1.5h", "6hours", "1w", "PT6H"})
    void anythingElseIsRefusedSayingTheForm(String text) {
        assertThatThrownBy(() -> Freshness.parse(text))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("freshness must be a whole number of minutes, hours or days");
    }

    @Test
    void atLeastFiveMinutesAndAtMostNinetyDays() {
        assertThatThrownBy(() -> Freshness.parse("4m")).hasMessage("freshness must be at least 5 minutes");
        assertThatThrownBy(() -> Freshness.parse("91d")).hasMessage("freshness must be at most 90 days");
        assertThatThrownBy(() -> Freshness.parse("9999999d")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aSourceIsLateWhenNoImportCompletedWithinItsWindow() {
        Source source = Source.create(SourceId.random(), ProjectId.of(1), "Stripe", null, T0)
                .withFreshness(Freshness.parse("6h"));

        assertThat(source.freshnessStatus(T0.plus(Duration.ofHours(5)))).isEqualTo("fresh");
        assertThat(source.freshnessStatus(T0.plus(Duration.ofHours(6)))).isEqualTo("late");
        Source synced = source.synced(T0.plus(Duration.ofHours(7))).synced(T0.plus(Duration.ofHours(2)));
        assertThat(synced.lastSyncedAt()).as("the newest sync is kept").isEqualTo(T0.plus(Duration.ofHours(7)));
        assertThat(synced.freshnessDueAt()).isEqualTo(T0.plus(Duration.ofHours(13)));
        assertThat(Source.create(SourceId.random(), ProjectId.of(1), "Stripe", null, T0)
                        .freshnessStatus(T0))
                .isNull();
    }

    @Test
    void whatIsToBeToldFollowsWhatWasTold() {
        Source source = Source.create(SourceId.random(), ProjectId.of(1), "Stripe", null, T0)
                .withFreshness(Freshness.parse("1h"));
        Instant late = T0.plus(Duration.ofHours(2));

        assertThat(source.freshnessToTell(T0)).isFalse();
        assertThat(source.freshnessToTell(late)).isTrue();
        Source told = source.freshnessTold(true);
        assertThat(told.freshnessToTell(late)).isFalse();
        assertThat(told.synced(late).freshnessToTell(late))
                .as("fresh again: to be told")
                .isTrue();
        assertThat(told.delete(late).freshnessToTell(late))
                .as("a deleted source tells nothing")
                .isFalse();
        assertThat(told.withFreshness(null).freshnessMissed()).isFalse();
    }
}
