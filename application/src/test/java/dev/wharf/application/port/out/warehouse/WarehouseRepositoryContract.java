package dev.wharf.application.port.out.warehouse;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.warehouse.WarehouseRepository.WarehouseWithPassword;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WarehouseRepository} does. */
public abstract class WarehouseRepositoryContract extends FixtureContract {
    private WarehouseRepository warehouses;

    @BeforeEach
    void setUp() {
        warehouses = store.warehouses();
        store.givenProject(1);
        store.givenProject(2);
    }

    private static Warehouse withSchema(long project, String name, String schema) {
        return Warehouse.provision(
                Optional.empty(), ProjectId.of(project), new DatabaseName(name), SchemaName.optional(schema), T0);
    }

    private static Warehouse pending(long project, String name) {
        return Warehouse.provision(Optional.empty(), ProjectId.of(project), new DatabaseName(name), T0);
    }

    @Test
    void aStoredWarehouseReadsBackEqual() {
        Warehouse ready = pending(1, "analytics").startProvisioning(at(1)).markReady(at(2));
        warehouses.insert(ready);

        assertThat(warehouses.findByProject(ProjectId.of(1))).contains(ready);
        assertThat(warehouses.findByProjectForUpdate(ProjectId.of(1))).contains(ready);
        assertThat(warehouses.findByProject(ProjectId.of(2))).isEmpty();
    }

    @Test
    void aWarehouseIsReadWithWhenItsPasswordWasLastSet() {
        Warehouse ready = pending(1, "analytics").startProvisioning(at(1)).markReady(at(2));
        warehouses.insert(ready);
        warehouses.insert(pending(2, "sales"));
        assertThat(warehouses.findWithPasswordLastSet(ProjectId.of(1)))
                .contains(new WarehouseWithPassword(ready, Optional.empty()));

        Credential login = Credential.forNewWarehouse(ProjectId.of(1), new LoginName("analytics"));
        store.credentials().save(login);
        assertThat(warehouses.findWithPasswordLastSet(ProjectId.of(1)))
                .contains(new WarehouseWithPassword(ready, Optional.empty()));

        User admin = store.givenUser("admin@example.com");
        store.credentials().save(login.passwordSet(ready, admin.id(), at(5)));
        assertThat(warehouses.findWithPasswordLastSet(ProjectId.of(1)))
                .contains(new WarehouseWithPassword(ready, Optional.of(at(5))));
        assertThat(warehouses
                        .findWithPasswordLastSet(ProjectId.of(2))
                        .orElseThrow()
                        .passwordLastSetAt())
                .isEmpty();
        assertThat(warehouses.findWithPasswordLastSet(ProjectId.of(3))).isEmpty();
    }

    @Test
    void everyTimestampSurvivesTheRoundTrip() {
        Warehouse failed = pending(1, "analytics").startProvisioning(at(10)).markFailed("boom", at(20));
        warehouses.insert(failed);

        Warehouse read = warehouses.findByProject(ProjectId.of(1)).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.provisioningStartedAt()).isEqualTo(at(10));
        assertThat(read.failedAt()).isEqualTo(at(20));
        assertThat(read.updatedAt()).isEqualTo(at(20));
        assertThat(read.readyAt()).isNull();
        assertThat(read.statusMessage()).isEqualTo("boom");
    }

    @Test
    void updateIsACompareAndSwapOnTheState() {
        Warehouse pending = pending(1, "analytics");
        warehouses.insert(pending);
        Warehouse provisioning = pending.startProvisioning(at(1));

        assertThat(warehouses.update(provisioning, WarehouseState.PENDING)).isTrue();
        assertThat(warehouses.update(provisioning.markReady(at(2)), WarehouseState.PENDING))
                .as("the stored state is no longer pending")
                .isFalse();
        assertThat(warehouses.findByProject(ProjectId.of(1))).contains(provisioning);
    }

    @Test
    void updateOfAMissingWarehouseChangesNothing() {
        Warehouse provisioning = pending(1, "analytics").startProvisioning(at(1));

        assertThat(warehouses.update(provisioning, WarehouseState.PENDING)).isFalse();
        assertThat(warehouses.findByProject(ProjectId.of(1))).isEmpty();
    }

    @Test
    void aNameHeldByAnotherLiveWarehouseIsRefused() {
        warehouses.insert(pending(1, "analytics"));

        assertThatThrownBy(() -> warehouses.insert(pending(2, "analytics")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("database name is already taken");
        assertThat(warehouses.findByProject(ProjectId.of(2))).isEmpty();
    }

    @Test
    void aFailedWarehouseStillHoldsItsName() {
        warehouses.insert(pending(1, "analytics").markFailed("boom", at(1)));

        assertThat(warehouses.isDatabaseNameHeld(new DatabaseName("analytics"))).isTrue();
        assertThatThrownBy(() -> warehouses.insert(pending(2, "analytics"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeletedWarehouseFreesItsName() {
        Warehouse deleting = pending(1, "analytics").startProvisioning(at(1)).startDeleting(at(2));
        warehouses.insert(deleting);
        assertThat(warehouses.isDatabaseNameHeld(new DatabaseName("analytics"))).isTrue();

        assertThat(warehouses.update(deleting.markDeleted(at(3)), WarehouseState.DELETING))
                .isTrue();

        assertThat(warehouses.isDatabaseNameHeld(new DatabaseName("analytics"))).isFalse();
        warehouses.insert(pending(2, "analytics"));
        assertThat(warehouses.findByProject(ProjectId.of(2))).isPresent();
    }

    @Test
    void aSchemaNameIsReadBackAndAbsentWhenNoneWasChosen() {
        Warehouse withSchema = withSchema(1, "analytics", "sales");
        warehouses.insert(withSchema);
        warehouses.insert(pending(2, "other"));

        assertThat(warehouses.findByProject(ProjectId.of(1))).contains(withSchema);
        assertThat(warehouses.findByProject(ProjectId.of(1)).orElseThrow().schema())
                .contains(new SchemaName("sales"));
        assertThat(warehouses
                        .findWithPasswordLastSet(ProjectId.of(1))
                        .orElseThrow()
                        .warehouse())
                .isEqualTo(withSchema);
        assertThat(warehouses.findByProject(ProjectId.of(2)).orElseThrow().schema())
                .isEmpty();
    }

    @Test
    void aSchemaNameIsHeldOncePerOrganizationWhileTheWarehouseLives() {
        Project first = store.projects().findById(ProjectId.of(1)).orElseThrow();
        store.projects().insert(new Project(ProjectId.of(3), first.organizationId(), "Sibling", ZoneOffset.UTC, T0));
        Warehouse holder = withSchema(1, "analytics", "sales").startProvisioning(at(1));
        warehouses.insert(holder);

        assertThat(warehouses.isSchemaNameHeldByAnotherProject(new SchemaName("sales"), ProjectId.of(3)))
                .as("a sibling project sees the schema taken")
                .isTrue();
        assertThat(warehouses.isSchemaNameHeldByAnotherProject(new SchemaName("sales"), ProjectId.of(1)))
                .as("the holder's own project may keep it")
                .isFalse();
        assertThat(warehouses.isSchemaNameHeldByAnotherProject(new SchemaName("sales"), ProjectId.of(2)))
                .as("another organization's project is not concerned")
                .isFalse();
        assertThatThrownBy(() -> warehouses.insert(withSchema(3, "sibling", "sales")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("schema_name is already used by another project of this organization");
        assertThat(warehouses.findByProject(ProjectId.of(3))).isEmpty();
        warehouses.insert(withSchema(2, "elsewhere", "sales"));

        Warehouse deleting = holder.startDeleting(at(2));
        assertThat(warehouses.update(deleting, WarehouseState.PROVISIONING)).isTrue();
        assertThat(warehouses.isSchemaNameHeldByAnotherProject(new SchemaName("sales"), ProjectId.of(3)))
                .isTrue();
        assertThat(warehouses.update(deleting.markDeleted(at(3)), WarehouseState.DELETING))
                .isTrue();
        assertThat(warehouses.isSchemaNameHeldByAnotherProject(new SchemaName("sales"), ProjectId.of(3)))
                .as("a deleted warehouse frees its schema name")
                .isFalse();
        warehouses.insert(withSchema(3, "sibling", "sales"));
        assertThat(warehouses.findByProject(ProjectId.of(1)).orElseThrow().schema())
                .as("the deleted warehouse still says which schema it had")
                .contains(new SchemaName("sales"));
    }

    @Test
    void aProjectsOldWarehouseCanBeReplacedAfterDeletingIt() {
        warehouses.insert(pending(1, "analytics").markFailed("boom", at(1)));

        store.transactions().inTransaction(() -> {
            warehouses.deleteByProject(ProjectId.of(1));
            warehouses.insert(pending(1, "analytics"));
        });

        assertThat(warehouses.findByProject(ProjectId.of(1)).orElseThrow().state())
                .isEqualTo(WarehouseState.PENDING);
    }

    @Test
    void findInStatesListsTheWorkQueueOldestUpdateFirst() {
        store.givenProject(3);
        Warehouse second = pending(1, "first").startProvisioning(at(5));
        Warehouse first = pending(2, "second");
        Warehouse ready = pending(3, "third").startProvisioning(at(1)).markReady(at(2));
        warehouses.insert(second);
        warehouses.insert(first);
        warehouses.insert(ready);

        assertThat(warehouses.findInStates(Set.of(WarehouseState.PENDING, WarehouseState.PROVISIONING), 10))
                .containsExactly(first, second);
        assertThat(warehouses.findInStates(Set.of(WarehouseState.PENDING, WarehouseState.PROVISIONING), 1))
                .containsExactly(first);
        assertThat(warehouses.findInStates(Set.of(), 10)).isEmpty();
    }

    @Test
    void findInStateAfterPagesThroughOneStateByProject() {
        store.givenProject(3);
        Warehouse one = pending(1, "first").startProvisioning(at(5)).markReady(at(9));
        Warehouse two = pending(2, "second");
        Warehouse three = pending(3, "third").startProvisioning(at(1)).markReady(at(2));
        warehouses.insert(three);
        warehouses.insert(two);
        warehouses.insert(one);

        assertThat(warehouses.findInStateAfter(WarehouseState.READY, null, 1)).containsExactly(one);
        assertThat(warehouses.findInStateAfter(WarehouseState.READY, ProjectId.of(1), 10))
                .containsExactly(three);
        assertThat(warehouses.findInStateAfter(WarehouseState.READY, ProjectId.of(3), 10))
                .isEmpty();
        assertThat(warehouses.findInStateAfter(WarehouseState.PENDING, null, 10))
                .containsExactly(two);
    }

    @Test
    void aStatusMessageOfTheMaximumLengthIsKeptWhole() {
        String longest = "x".repeat(1024);
        warehouses.insert(pending(1, "analytics").markFailed(longest + "cut", at(1)));

        assertThat(warehouses.findByProject(ProjectId.of(1)).orElseThrow().statusMessage())
                .isEqualTo(longest);
    }

    @Test
    void findForUpdateMakesASecondTransactionWaitForTheFirstToCommit() throws Exception {
        Warehouse provisioning = pending(1, "analytics").startProvisioning(at(1));
        warehouses.insert(provisioning);
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<WarehouseState> seenBySecond = second.submit(() -> {
                assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
                return store.transactions()
                        .inTransaction(() -> warehouses
                                .findByProjectForUpdate(ProjectId.of(1))
                                .orElseThrow()
                                .state());
            });
            store.transactions().inTransaction(() -> {
                warehouses.findByProjectForUpdate(ProjectId.of(1)).orElseThrow();
                locked.countDown();
                sleep(400);
                assertThat(warehouses.update(provisioning.markReady(at(2)), WarehouseState.PROVISIONING))
                        .isTrue();
            });

            assertThat(seenBySecond.get(20, TimeUnit.SECONDS))
                    .as("the second reader waited for the first transaction and saw its write")
                    .isEqualTo(WarehouseState.READY);
        } finally {
            second.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
