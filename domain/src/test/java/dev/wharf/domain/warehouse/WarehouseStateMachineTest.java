package dev.wharf.domain.warehouse;

import static dev.wharf.domain.warehouse.Warehouses.CREATED;
import static dev.wharf.domain.warehouse.Warehouses.NAME;
import static dev.wharf.domain.warehouse.Warehouses.PROJECT;
import static dev.wharf.domain.warehouse.Warehouses.inState;
import static dev.wharf.domain.warehouse.Warehouses.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.ConflictException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WarehouseStateMachineTest {
    private static final Instant LATER = minutes(60);

    static Stream<Arguments> everyStateAndMove() {
        return Arrays.stream(WarehouseState.values())
                .flatMap(state -> Arrays.stream(WarehouseMove.values()).map(move -> Arguments.of(state, move)));
    }

    static Stream<Arguments> allowedStateAndMove() {
        return everyStateAndMove()
                .filter(args -> ((WarehouseMove) args.get()[1]).allowedFrom((WarehouseState) args.get()[0]));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndMove")
    void onlyTheMovesOfTheStateTableAreAllowed(WarehouseState from, WarehouseMove move) {
        Warehouse before = inState(from);

        if (move.allowedFrom(from)) {
            assertThat(move.applyTo(before, LATER).state()).isEqualTo(move.target());
        } else {
            assertThatThrownBy(() -> move.applyTo(before, LATER))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("from " + from.wireName())
                    .hasMessageContaining("to " + move.target().wireName());
        }
    }

    @Test
    void theTableAllowsExactlyTheTransitionsOfTheReference() {
        long allowed = allowedStateAndMove().count();
        // pending→provisioning, pending→failed, provisioning→provisioning, provisioning→ready, provisioning→failed,
        // failed→ready, ready|failed|provisioning→deleting, deleting→deleting, deleting→deleted; and Wharf's own:
        // pending|provisioning|ready→failed (lost by the engine), deleting→failed (deletion gave up)
        assertThat(allowed).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("allowedStateAndMove")
    void everyTransitionMovesUpdatedAtAndKeepsCreatedAtAndIdentity(WarehouseState from, WarehouseMove move) {
        Warehouse before = inState(from);

        Warehouse after = move.applyTo(before, LATER);

        assertThat(after.updatedAt()).isEqualTo(LATER).isNotEqualTo(before.updatedAt());
        assertThat(after.createdAt()).isEqualTo(before.createdAt()).isEqualTo(CREATED);
        assertThat(after.projectId()).isEqualTo(before.projectId());
        assertThat(after.databaseName()).isEqualTo(before.databaseName());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndMove")
    void aRefusedMoveLeavesTheWarehouseAsItWas(WarehouseState from, WarehouseMove move) {
        Warehouse before = inState(from);
        Warehouse snapshot = inState(from);

        try {
            move.applyTo(before, LATER);
        } catch (ConflictException refused) {
            // expected for moves outside the table
        }

        assertThat(before).isEqualTo(snapshot);
    }

    @Test
    void provisioningWithoutAWarehouseGivesAPendingOne() {
        Warehouse warehouse = Warehouse.provision(Optional.empty(), PROJECT, NAME, CREATED);

        assertThat(warehouse.state()).isEqualTo(WarehouseState.PENDING);
        assertThat(warehouse.statusMessage()).isEqualTo(Warehouse.MESSAGE_PENDING);
        assertThat(warehouse.createdAt()).isEqualTo(CREATED);
        assertThat(warehouse.updatedAt()).isEqualTo(CREATED);
        assertThat(warehouse.provisioningStartedAt()).isNull();
        assertThat(warehouse.readyAt()).isNull();
        assertThat(warehouse.failedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = WarehouseState.class,
            names = {"FAILED", "DELETED"})
    void aFailedOrDeletedWarehouseIsReplacedByAFreshPendingOne(WarehouseState terminal) {
        Warehouse old = inState(terminal);

        Warehouse fresh = Warehouse.provision(Optional.of(old), PROJECT, NAME, LATER);

        assertThat(fresh.state()).isEqualTo(WarehouseState.PENDING);
        assertThat(fresh.createdAt()).isEqualTo(LATER);
        assertThat(fresh.updatedAt()).isEqualTo(LATER);
        assertThat(fresh.provisioningStartedAt()).isNull();
        assertThat(fresh.readyAt()).isNull();
        assertThat(fresh.failedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = WarehouseState.class,
            names = {"PENDING", "PROVISIONING", "READY", "DELETING"})
    void provisioningIsRefusedWhileAWarehouseIsLive(WarehouseState live) {
        Optional<Warehouse> current = Optional.of(inState(live));

        assertThatThrownBy(() -> Warehouse.provision(current, PROJECT, NAME, LATER))
                .isInstanceOf(ConflictException.class)
                .hasMessage("warehouse already exists in non-terminal state");
    }

    @ParameterizedTest
    @EnumSource(WarehouseState.class)
    void onlyFailedAndDeletedAllowANewProvision(WarehouseState state) {
        boolean expected = state == WarehouseState.FAILED || state == WarehouseState.DELETED;

        assertThat(state.allowsNewProvision()).isEqualTo(expected);
    }
}
