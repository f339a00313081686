package dev.wharf.domain.project;

import static dev.wharf.domain.project.Scope.ALL;
import static dev.wharf.domain.project.Scope.WAREHOUSE_JOBS_WRITE;
import static dev.wharf.domain.project.Scope.WAREHOUSE_VIEW_READ;
import static dev.wharf.domain.project.Scope.WAREHOUSE_VIEW_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {
    /** Held scope → the required scopes it covers: write implies read, * covers all, nothing else. */
    static final Map<Scope, Set<Scope>> COVERS = Map.of(
            WAREHOUSE_VIEW_READ, Set.of(WAREHOUSE_VIEW_READ),
            WAREHOUSE_VIEW_WRITE, Set.of(WAREHOUSE_VIEW_WRITE, WAREHOUSE_VIEW_READ),
            WAREHOUSE_JOBS_WRITE, Set.of(WAREHOUSE_JOBS_WRITE),
            ALL, Set.of(Scope.values()));

    static Stream<Arguments> everyHeldAndRequiredScope() {
        return Arrays.stream(Scope.values())
                .flatMap(held -> Arrays.stream(Scope.values()).map(required -> Arguments.of(held, required)));
    }

    @ParameterizedTest(name = "{0} covers {1}?")
    @MethodSource("everyHeldAndRequiredScope")
    void aScopeCoversExactlyItselfWhatItImpliesAndStarCoversEverything(Scope held, Scope required) {
        assertThat(held.covers(required)).isEqualTo(COVERS.get(held).contains(required));
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void wireNamesRoundTrip(Scope scope) {
        assertThat(Scope.fromWireName(scope.wireName())).isEqualTo(scope);
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void wireNamesAreThePostHogScopeStrings(Scope scope) {
        assertThat(scope.wireName()).isIn("warehouse_view:read", "warehouse_view:write", "warehouse_jobs:write", "*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "warehouse_view", "WAREHOUSE_VIEW_READ", "**"})
    void unknownScopesAreARuleViolation(String wireName) {
        assertThatThrownBy(() -> Scope.fromWireName(wireName)).isInstanceOf(RuleViolationException.class);
    }
}
