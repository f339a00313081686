package dev.wharf.domain.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowCountsTest {

    @Test
    void countsAddUp() {
        assertThat(RowCounts.add(2, 3)).isEqualTo(5);
        assertThat(RowCounts.add(0, 0)).isZero();
    }

    @Test
    void aSumPastTheLargestLongStaysThere() {
        assertThat(RowCounts.add(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(RowCounts.add(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(RowCounts.add(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
    }
}
