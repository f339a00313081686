package dev.wharf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The soak's percentiles (latencies in microseconds, reported in milliseconds): nearest rank, as its report says. */
class SoakReportTest {
    @Test
    void nearestRankOfSortedLatencies() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) hundred[i] = (i + 1) * 1000L;

        assertThat(SoakReport.percentile(hundred, 50)).isEqualTo(50.0);
        assertThat(SoakReport.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(SoakReport.percentile(new long[] {2500}, 99)).isEqualTo(2.5);
    }

    @Test
    void noLatenciesIsZero() {
        assertThat(SoakReport.percentile(new long[0], 50)).isZero();
    }
}
