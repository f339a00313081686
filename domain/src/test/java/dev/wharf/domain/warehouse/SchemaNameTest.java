package dev.wharf.domain.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "_", "sales", "team_7", "_private", "a1", "publicity", "pg", "pgx_data", "main"})
    void acceptsLowerCaseIdentifiers(String name) {
        assertThat(SchemaName.problemWith(name)).isEmpty();
        assertThat(new SchemaName(name).value()).isEqualTo(name);
    }

    @Test
    void acceptsSixtyThreeCharactersButNotSixtyFourNorNone() {
        assertThat(SchemaName.problemWith("s".repeat(63))).isEmpty();
        assertThat(SchemaName.problemWith("s".repeat(64))).contains(SchemaName.BAD_LENGTH);
        assertThat(SchemaName.problemWith("")).contains(SchemaName.BAD_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Sales", "sales-eu", "sales.eu", "sales eu", "sales\n", "\nsales", "s\u00e9", "s\u0000", "\"s\""
            })
    void refusesAnythingButLowerCaseLettersDigitsAndUnderscores(String name) {
        assertThat(SchemaName.problemWith(name)).contains(SchemaName.BAD_CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "1sales", "0_a"})
    void refusesALeadingDigit(String name) {
        assertThat(SchemaName.problemWith(name)).contains(SchemaName.DIGIT_FIRST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg_", "pg_catalog", "pg_toast", "pg_sales"})
    void refusesPostgresPrefix(String name) {
        assertThat(SchemaName.problemWith(name)).contains(SchemaName.PG_PREFIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "information_schema"})
    void refusesSchemasEveryDatabaseHas(String name) {
        assertThat(SchemaName.problemWith(name)).contains(SchemaName.RESERVED);
    }

    @Test
    void nullMeansNoneChosenWhereOptionalAndRequiredOtherwise() {
        assertThat(SchemaName.optional(null)).isEmpty();
        assertThat(SchemaName.optional("sales")).contains(new SchemaName("sales"));
        assertThatThrownBy(() -> new SchemaName(null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(SchemaName.REQUIRED);
        assertThatThrownBy(() -> SchemaName.optional("Sales"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(SchemaName.BAD_CHARACTERS);
    }
}
