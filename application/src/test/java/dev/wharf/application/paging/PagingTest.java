package dev.wharf.application.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {
    private static final String INVALID = "Invalid limit or offset parameter";

    @Test
    void asciiDigitsAreAPage() {
        assertThat(Paging.parse("10", " 20 ", INVALID)).isEqualTo(new Paging(10, 20));
        assertThat(Paging.parse("+100", "0", INVALID)).isEqualTo(new Paging(Paging.MAX_LIMIT, 0));
        assertThat(Paging.parse(null, null, INVALID)).isEqualTo(new Paging(Paging.DEFAULT_LIMIT, 0));
    }

    @Test
    void digitsOfOtherScriptsAreRefusedLikeAnyOtherNonInteger() {
        for (String value : new String[] {"١٢", "１", "१०", "1٢", "x", "", "1.5", "0x10"}) {
            assertThatThrownBy(() -> Paging.parse(value, null, INVALID))
                    .as(value)
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage(INVALID);
            assertThatThrownBy(() -> Paging.parse(null, value, INVALID))
                    .as(value)
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage(INVALID);
        }
    }

    @Test
    void aLimitBelowOneIsRefusedANegativeOffsetIsTheFirstPageAndHugeNumbersAreClamped() {
        for (String limit : new String[] {"0", "-1", "-99999999999"}) {
            assertThatThrownBy(() -> Paging.parse(limit, null, INVALID))
                    .as(limit)
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage(INVALID);
        }
        assertThat(Paging.parse("5", "-3", INVALID)).isEqualTo(new Paging(5, 0));
        assertThat(Paging.parse("99999999999", "99999999999", INVALID))
                .isEqualTo(new Paging(Paging.MAX_LIMIT, Integer.MAX_VALUE - Paging.MAX_LIMIT));
        assertThat(Paging.integer(" -7 ", 30, INVALID)).isEqualTo(-7);
        assertThat(Paging.integer(null, 30, INVALID)).isEqualTo(30);
    }

    @Test
    void onePageIsReadWithOneRowMoreToKnowWhetherAnotherFollows() {
        Paging paging = new Paging(2, 4);
        assertThat(paging.fetch()).isEqualTo(3);

        Page<String> more = paging.page(List.of("a", "b", "c"));
        assertThat(more.results()).containsExactly("a", "b");
        assertThat(more.hasMore()).isTrue();
        assertThat(paging.page(List.of("a", "b")).hasMore()).isFalse();
        assertThat(paging.nextOffset()).isEqualTo(6);
        assertThat(paging.hasPrevious()).isTrue();
        assertThat(paging.previousOffset()).isEqualTo(2);
        assertThat(new Paging(5, 3).previousOffset()).isZero();
        assertThat(new Paging(5, 0).hasPrevious()).isFalse();
    }
}
