package dev.wharf.domain.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Random walks through the state machine: every step obeys the table and the timestamps stay consistent. */
class WarehouseWalkPropertiesTest {

    @Property(tries = 2000)
    void anySequenceOfMovesFollowsTheTableAndKeepsTheTimestampsConsistent(
            @ForAll @Size(max = 40) List<WarehouseMove> moves) {
        Warehouse warehouse = Warehouses.pending();
        Instant createdAt = warehouse.createdAt();
        Instant lastChange = warehouse.updatedAt();
        int minute = 0;

        for (WarehouseMove move : moves) {
            Instant now = Warehouses.minutes(++minute);
            Warehouse before = warehouse;
            if (move.allowedFrom(before.state())) {
                warehouse = move.applyTo(before, now);
                lastChange = now;
                assertThat(warehouse.state()).isEqualTo(move.target());
            } else {
                assertThatThrownBy(() -> move.applyTo(before, now)).isInstanceOf(ConflictException.class);
            }
            assertThat(warehouse.createdAt()).isEqualTo(createdAt);
            assertThat(warehouse.updatedAt()).isEqualTo(lastChange);
            assertTimestampsFitTheState(warehouse);
        }
    }

    private static void assertTimestampsFitTheState(Warehouse w) {
        switch (w.state()) {
            case PENDING -> assertThat(w.provisioningStartedAt()).isNull();
            case PROVISIONING -> assertThat(w.provisioningStartedAt()).isNotNull();
            case READY -> {
                assertThat(w.readyAt()).isNotNull();
                assertThat(w.failedAt()).isNull();
            }
            case FAILED -> assertThat(w.failedAt()).isNotNull();
            default -> {}
        }
        for (Instant t : new Instant[] {w.provisioningStartedAt(), w.readyAt(), w.failedAt()}) {
            if (t != null) {
                assertThat(t).isBetween(w.createdAt(), w.updatedAt());
            }
        }
        assertThat(w.statusMessage().length()).isLessThanOrEqualTo(StatusMessage.MAX_LENGTH);
    }
}
