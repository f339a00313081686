package dev.wharf.adapters.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.domain.project.ProjectId;
import org.junit.jupiter.api.Test;

class ProjectIdsTest {

    @Test
    void aPositiveIntegerInAsciiDigitsIsAnId() {
        assertThat(ProjectIds.parse("1")).isEqualTo(ProjectId.of(1));
        assertThat(ProjectIds.parse("007")).isEqualTo(ProjectId.of(7));
        assertThat(ProjectIds.parse("999999999999999999")).isEqualTo(ProjectId.of(999_999_999_999_999_999L));
    }

    @Test
    void digitsOfOtherScriptsAreAProjectThatDoesNotExist() {
        // Arabic-Indic, extended Arabic-Indic, Devanagari, fullwidth, mathematical bold (a surrogate pair), and mixed.
        for (String value : new String[] {"١٢", "۱", "१", "１", "\uD835\uDFCF", "1٢", "１2"}) {
            assertThat(value.codePoints().allMatch(Character::isDigit))
                    .as(value)
                    .isTrue();
            assertThatThrownBy(() -> ProjectIds.parse(value)).as(value).isInstanceOf(ProjectNotVisibleException.class);
        }
    }

    @Test
    void anythingElseIsAProjectThatDoesNotExist() {
        for (String value : new String[] {"", "0", "-1", "+1", " 1", "1 ", "abc", "1e3", "0x1", "1".repeat(19)}) {
            assertThatThrownBy(() -> ProjectIds.parse(value)).as(value).isInstanceOf(ProjectNotVisibleException.class);
        }
        assertThatThrownBy(() -> ProjectIds.parse(null)).isInstanceOf(ProjectNotVisibleException.class);
    }
}
