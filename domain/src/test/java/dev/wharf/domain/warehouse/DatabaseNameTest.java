package dev.wharf.domain.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a1b", "a-b", "a--b", "acme-analytics-2025", "z99"})
    void acceptsDnsLabels(String name) {
        assertThat(DatabaseName.problemWith(name)).isEmpty();
    }

    @Test
    void acceptsSixtyThreeCharactersButNotSixtyFour() {
        assertThat(DatabaseName.problemWith("a".repeat(63))).isEmpty();
        assertThat(DatabaseName.problemWith("a".repeat(64))).contains(DatabaseName.BAD_LENGTH);
    }

    @Test
    void aMissingNameIsRequired() {
        assertThat(DatabaseName.problemWith(null)).contains(DatabaseName.REQUIRED);
        assertThat(DatabaseName.problemWith("")).contains(DatabaseName.REQUIRED);
        assertThatThrownBy(() -> new DatabaseName(null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(DatabaseName.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ab", "-"})
    void refusesNamesShorterThanThree(String name) {
        assertThat(DatabaseName.problemWith(name)).contains(DatabaseName.BAD_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ab", "-ab", "ab-", "Abc", "aBc", "a_b", "a.b", "a b", "abc\n", "\nabc", "ab\u00e9"})
    void refusesAnythingButALowerCaseDnsLabel(String name) {
        assertThat(DatabaseName.problemWith(name)).contains(DatabaseName.NOT_A_DNS_LABEL);
    }

    @Test
    void theMessagesAreTheDocumentedOnes() {
        assertThat(DatabaseName.REQUIRED).isEqualTo("database_name is required");
        assertThat(DatabaseName.BAD_LENGTH).isEqualTo("database_name must be between 3 and 63 characters");
        assertThat(DatabaseName.NOT_A_DNS_LABEL).startsWith("database_name must be a valid DNS label");
    }
}
