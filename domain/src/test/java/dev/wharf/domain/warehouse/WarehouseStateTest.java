package dev.wharf.domain.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WarehouseStateTest {

    @Test
    void wireNamesAreTheReferenceStateStrings() {
        assertThat(WarehouseState.values())
                .extracting(WarehouseState::wireName)
                .containsExactly("pending", "provisioning", "ready", "failed", "deleting", "deleted");
    }

    @ParameterizedTest
    @EnumSource(WarehouseState.class)
    void wireNamesRoundTrip(WarehouseState state) {
        assertThat(WarehouseState.fromWireName(state.wireName())).isEqualTo(state);
    }

    @Test
    void unknownWireNamesAreARuleViolation() {
        assertThatThrownBy(() -> WarehouseState.fromWireName("READY")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> WarehouseState.fromWireName("resharding")).isInstanceOf(RuleViolationException.class);
    }

    @ParameterizedTest
    @EnumSource(WarehouseState.class)
    void everyStateButDeletedHoldsTheDatabaseName(WarehouseState state) {
        assertThat(state.holdsDatabaseName()).isEqualTo(state != WarehouseState.DELETED);
    }
}
