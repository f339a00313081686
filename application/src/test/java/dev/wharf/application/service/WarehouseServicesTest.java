package dev.wharf.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.fake.TickingClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.CheckDatabaseNameQuery;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.NameAvailability;
import dev.wharf.application.port.in.warehouse.PasswordReset;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.WarehouseState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warehouse use cases against in-memory fakes. */
class WarehouseServicesTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final DatabaseName NAME = new DatabaseName("analytics");

    private final InMemoryFixture store = new InMemoryFixture();
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final MutableClock clock = new MutableClock(PersistenceFixture.T0);
    private Actor admin;
    private WarehouseService lifecycle;
    private PasswordResetService resets;
    private ProvisioningWorker worker;

    @BeforeEach
    void setUp() {
        admin = ServiceFixtures.givenAdmin(store, 1, clock.instant());
        ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
        ActionGuard guard = ServiceFixtures.guard(store, access, clock);
        lifecycle =
                new WarehouseService(access, guard, store.warehouses(), store.credentials(), engine, () -> {}, clock);
        resets = ServiceFixtures.passwordResets(
                store, guard, engine, PasswordResetTiming.defaults(), new TickingClock(clock));
        worker = ServiceFixtures.worker(store, engine, clock);
    }

    private void readyWarehouse() {
        lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, NAME.value()));
        worker.runOnce();
        assertThat(state()).isEqualTo(WarehouseState.READY);
    }

    private WarehouseState state() {
        return store.warehouses().findByProject(PROJECT).orElseThrow().state();
    }

    @Test
    void deprovisioningAPendingWarehouseIsTheReferencesConflict() {
        lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, NAME.value()));

        assertThatThrownBy(() -> lifecycle.deprovision(new ManageWarehouseCommand(admin, PROJECT)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("warehouse must be in ready, failed, or provisioning state to deprovision");
        assertThat(state()).isEqualTo(WarehouseState.PENDING);
    }

    @Test
    void aNameCheckAsksAnEngineWhoseNamesAreGlobalAndIsNeverAvailableWhenItCannotAnswer() {
        CheckDatabaseNameQuery free = new CheckDatabaseNameQuery(admin, PROJECT, "free-name");
        CheckDatabaseNameQuery elsewhere = new CheckDatabaseNameQuery(admin, PROJECT, "theirs");
        assertThat(lifecycle.check(elsewhere).available())
                .as("an engine whose names are Wharf's alone")
                .isTrue();

        engine.holdNamesGlobally(new DatabaseName("theirs"));

        assertThat(lifecycle.check(free).available()).isTrue();
        assertThat(lifecycle.check(elsewhere))
                .isEqualTo(new NameAvailability("theirs", false, Optional.of(WarehouseService.NAME_TAKEN)));
        for (BackendUnavailableException.Reason reason : BackendUnavailableException.Reason.values()) {
            engine.outage(reason);
            assertThatThrownBy(() -> lifecycle.check(free))
                    .isInstanceOfSatisfying(
                            BackendUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(reason));
        }
    }

    @Test
    void anEngineThatMakesItsOwnPasswordHasThatOneHandedOut() {
        readyWarehouse();
        engine.generateOwnPasswords();

        PasswordReset reset = resets.reset(new ManageWarehouseCommand(admin, PROJECT));

        assertThat(engine.accepts(NAME, reset.password().reveal())).isTrue();
    }

    @Test
    void anUnreachableOrSlowEngineChangesNothingOnReset() {
        readyWarehouse();
        PasswordReset first = resets.reset(new ManageWarehouseCommand(admin, PROJECT));

        for (BackendUnavailableException.Reason reason : BackendUnavailableException.Reason.values()) {
            engine.outage(reason);
            assertThatThrownBy(() -> resets.reset(new ManageWarehouseCommand(admin, PROJECT)))
                    .isInstanceOf(BackendUnavailableException.class)
                    .satisfies(e -> assertThat(((BackendUnavailableException) e).reason())
                            .isEqualTo(reason));
        }

        engine.outage(null);
        assertThat(engine.accepts(NAME, first.password().reveal())).isTrue();
        assertThat(store.credentials().findByProject(PROJECT).orElseThrow().passwordLastSetAt())
                .isEqualTo(first.passwordLastSetAt());
    }

    @Test
    void concurrentResetsLeaveExactlyTheLatestPasswordInForce() throws Exception {
        readyWarehouse();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<PasswordReset>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(threads.submit(() -> resets.reset(new ManageWarehouseCommand(admin, PROJECT))));
            }
            List<PasswordReset> results = new ArrayList<>();
            for (Future<PasswordReset> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }

            PasswordReset latest = results.stream()
                    .max(Comparator.comparing(PasswordReset::passwordLastSetAt))
                    .orElseThrow();
            assertThat(results.stream()
                            .filter(r -> engine.accepts(NAME, r.password().reveal())))
                    .containsExactly(latest);
            assertThat(results.stream().map(PasswordReset::passwordLastSetAt).distinct())
                    .hasSize(8);
        } finally {
            threads.shutdownNow();
        }
    }
}
