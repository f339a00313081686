package dev.wharf.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import dev.wharf.domain.warehouse.Warehouses;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CredentialTest {
    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");
    private static final UserId ACTOR = UserId.random();
    private static final Credential NEW = Credential.forNewWarehouse(Warehouses.PROJECT, new LoginName("root"));

    @ParameterizedTest
    @EnumSource(value = WarehouseState.class, mode = EnumSource.Mode.EXCLUDE, names = "READY")
    void resetIsRefusedUntilTheWarehouseIsReady(WarehouseState state) {
        Warehouse warehouse = Warehouses.inState(state);

        assertThatThrownBy(() -> NEW.passwordSet(warehouse, ACTOR, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("warehouse must be in ready state to reset password")
                .hasMessage(Credential.RESET_NEEDS_READY);
        assertThatThrownBy(() -> Credential.requireResettable(warehouse))
                .isInstanceOf(ConflictException.class)
                .hasMessage(Credential.RESET_NEEDS_READY);
    }

    @Test
    void aResetOnAReadyWarehouseRecordsWhenAndByWhom() {
        Credential reset = NEW.passwordSet(Warehouses.inState(WarehouseState.READY), ACTOR, NOW);

        assertThat(reset.passwordLastSetAt()).isEqualTo(NOW);
        assertThat(reset.passwordLastSetBy()).isEqualTo(ACTOR);
        assertThat(reset.lastSetAt()).contains(NOW);
        assertThat(reset.username()).isEqualTo(NEW.username());
        assertThat(reset.projectId()).isEqualTo(NEW.projectId());
    }

    @Test
    void aSecondResetReplacesTheRecord() {
        Warehouse ready = Warehouses.inState(WarehouseState.READY);
        UserId other = UserId.random();

        Credential twice = NEW.passwordSet(ready, ACTOR, NOW).passwordSet(ready, other, NOW.plusSeconds(60));

        assertThat(twice.passwordLastSetAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(twice.passwordLastSetBy()).isEqualTo(other);
    }

    @Test
    void aNewWarehouseLoginHasNeverHadItsPasswordSet() {
        assertThat(NEW.lastSetAt()).isEmpty();
        assertThat(NEW.passwordLastSetBy()).isNull();
    }

    @Test
    void aResetOnAnotherProjectsWarehouseIsRefused() {
        Credential elsewhere = Credential.forNewWarehouse(ProjectId.of(999), new LoginName("root"));

        assertThatThrownBy(() -> elsewhere.passwordSet(Warehouses.inState(WarehouseState.READY), ACTOR, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeAndActorOfTheLastResetAreSetTogether() {
        assertThatThrownBy(() -> new Credential(Warehouses.PROJECT, new LoginName("root"), NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Credential(Warehouses.PROJECT, new LoginName("root"), null, ACTOR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCredentialHasNoComponentThatCouldHoldThePassword() {
        for (RecordComponent component : Credential.class.getRecordComponents()) {
            assertThat(component.getType()).as(component.getName()).isNotEqualTo(Password.class);
            boolean textNamedLikePassword = component.getType() == String.class
                    && component.getName().toLowerCase(Locale.ROOT).contains("password");
            assertThat(textNamedLikePassword).as(component.getName()).isFalse();
        }
    }

    @Test
    void aCredentialHasNoFieldOfAnyKindThatCouldHoldThePassword() {
        Field[] instanceFields = Arrays.stream(Credential.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .toArray(Field[]::new);

        assertThat(instanceFields)
                .extracting(Field::getType)
                .doesNotContain(Password.class, String.class, char[].class, byte[].class, CharSequence.class);
    }
}
