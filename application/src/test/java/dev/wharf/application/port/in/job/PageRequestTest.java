package dev.wharf.application.port.in.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void asciiDigitsAreAPage() {
        assertThat(PageRequest.parse("10", " 20 ")).isEqualTo(new PageRequest(10, 20));
        assertThat(PageRequest.parse("+100", "0")).isEqualTo(new PageRequest(PageRequest.MAX_LIMIT, 0));
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, 0));
    }

    @Test
    void digitsOfOtherScriptsAreRefusedLikeAnyOtherNonInteger() {
        for (String value : new String[] {"١٢", "１", "१०", "1٢", "x", "", "99999999999"}) {
            assertThatThrownBy(() -> PageRequest.parse(value, null))
                    .as(value)
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage(PageRequest.INVALID);
            assertThatThrownBy(() -> PageRequest.parse(null, value))
                    .as(value)
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage(PageRequest.INVALID);
        }
    }
}
