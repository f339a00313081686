package dev.wharf.application.service.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.InMemoryWarehouseEngine.Gate;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.fake.TickingClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.PasswordReset;
import dev.wharf.application.port.in.warehouse.WarehouseQuery;
import dev.wharf.application.port.in.warehouse.WarehouseStatusView;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.credential.Credential;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The password reset's lease: the engine is told with no transaction open, resets of one warehouse take turns, and a
 * reset that lost its warehouse (deprovisioned, or its lease taken over) meanwhile records nothing.
 */
class PasswordResetServiceTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final DatabaseName NAME = new DatabaseName("analytics");
    private static final Duration LEASE = PasswordResetTiming.defaults().lease();

    private final InMemoryFixture store = new InMemoryFixture();
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final MutableClock clock = new MutableClock(PersistenceFixture.T0);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Actor admin;
    private ActionGuard guard;
    private WarehouseService lifecycle;

    @BeforeEach
    void setUp() {
        admin = ServiceFixtures.givenAdmin(store, 1, clock.instant());
        ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
        guard = ServiceFixtures.guard(store, access, clock);
        lifecycle = new WarehouseService(
                access, guard, store.transactions(), store.warehouses(), store.credentials(), engine, () -> {}, clock);
        ServiceFixtures.givenReadyWarehouse(store, engine, PROJECT, NAME, clock.instant());
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void whileTheEngineWorksNoTransactionIsOpen() throws Exception {
        Gate gate = engine.holdNextSetPassword();
        Future<PasswordReset> reset =
                threads.submit(() -> resets(Duration.ofSeconds(5)).reset(command()));
        gate.awaitEntered();

        Future<Optional<Warehouse>> locked = threads.submit(() ->
                store.transactions().inTransaction(() -> store.warehouses().findByProjectForUpdate(PROJECT)));
        assertThat(locked.get(5, TimeUnit.SECONDS)).isPresent();

        gate.open();
        PasswordReset done = reset.get(5, TimeUnit.SECONDS);
        assertThat(engine.accepts(NAME, done.password().reveal())).isTrue();
        assertThat(lastSetAt()).contains(done.passwordLastSetAt());
    }

    @Test
    void aSecondResetWaitsForTheFirstAndItsPasswordIsTheOneInForce() throws Exception {
        PasswordResetService resets = resets(Duration.ofSeconds(10));
        Gate gate = engine.holdNextSetPassword();
        Future<PasswordReset> first = threads.submit(() -> resets.reset(command()));
        gate.awaitEntered();
        Future<PasswordReset> second = threads.submit(() -> resets.reset(command()));

        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        clock.advance(Duration.ofSeconds(1));
        gate.open();

        PasswordReset earlier = first.get(10, TimeUnit.SECONDS);
        PasswordReset later = second.get(10, TimeUnit.SECONDS);
        assertThat(later.passwordLastSetAt()).isAfter(earlier.passwordLastSetAt());
        assertThat(engine.accepts(NAME, later.password().reveal())).isTrue();
        assertThat(engine.accepts(NAME, earlier.password().reveal())).isFalse();
        assertThat(lastSetAt()).contains(later.passwordLastSetAt());
    }

    @Test
    void aLeaseLeftBehindRefusesOtherResetsUntilItExpires() {
        Instant now = clock.instant();
        store.transactions()
                .inTransaction(() -> store.resetLeases().take(PROJECT, "a dead process", now, now.plus(LEASE)));
        PasswordResetService resets = resets(Duration.ofMillis(50));

        assertThatThrownBy(() -> resets.reset(command()))
                .isInstanceOf(ConflictException.class)
                .hasMessage(PasswordResetService.IN_PROGRESS);
        assertThat(engine.calls()).isEqualTo(1);
        assertThat(newestEntry().outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(newestEntry().detail()).isEqualTo(PasswordResetService.IN_PROGRESS);

        clock.advance(LEASE);
        PasswordReset reset = resets.reset(command());
        assertThat(engine.accepts(NAME, reset.password().reveal())).isTrue();
    }

    @Test
    void aResetWhoseProcessDiedShowsInTheStatusUntilTheNextResetFinishes() {
        Instant now = clock.instant();
        store.transactions()
                .inTransaction(() -> store.resetLeases().take(PROJECT, "a dead process", now, now.plus(LEASE)));
        assertThat(status().statusMessage()).as("while it may still finish").isEqualTo(Warehouse.MESSAGE_READY);

        clock.advance(LEASE);
        assertThat(status().unfinishedResetSince()).contains(now.plus(LEASE));
        assertThat(status().statusMessage())
                .isEqualTo(Warehouse.MESSAGE_READY + ". " + WarehouseStatusView.UNFINISHED_RESET);

        resets(Duration.ZERO).reset(command());
        assertThat(status().unfinishedResetSince()).isEmpty();
        assertThat(status().statusMessage()).isEqualTo(Warehouse.MESSAGE_READY);
    }

    @Test
    void aFailedEngineCallGivesTheLeaseUpAtOnce() {
        PasswordResetService resets = resets(Duration.ZERO);
        engine.outage(BackendUnavailableException.Reason.TIMEOUT);
        assertThatThrownBy(() -> resets.reset(command())).isInstanceOf(BackendUnavailableException.class);
        engine.outage(null);

        PasswordReset reset = resets.reset(command());

        assertThat(engine.accepts(NAME, reset.password().reveal())).isTrue();
        assertThat(lastSetAt()).contains(reset.passwordLastSetAt());
    }

    @Test
    void aWarehouseDeprovisionedWhileTheEngineWorksGetsNoRecordOfTheReset() throws Exception {
        Gate gate = engine.holdNextSetPassword();
        Future<PasswordReset> reset = threads.submit(() -> resets(Duration.ZERO).reset(command()));
        gate.awaitEntered();

        lifecycle.deprovision(command());
        gate.open();

        assertThatThrownBy(() -> reset.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConflictException.class)
                .hasRootCauseMessage(Credential.RESET_NEEDS_READY);
        assertThat(lastSetAt()).isEmpty();
        assertThat(store.transactions()
                        .inTransaction(() -> store.resetLeases()
                                .take(
                                        PROJECT,
                                        "next",
                                        clock.instant(),
                                        clock.instant().plus(LEASE))))
                .isTrue();
    }

    @Test
    void aResetThatOutlivedItsLeaseIsToldItsPasswordWasNotSaved() throws Exception {
        Gate gate = engine.holdNextSetPassword();
        Future<PasswordReset> stuck = threads.submit(() -> resets(Duration.ZERO).reset(command()));
        gate.awaitEntered();

        clock.advance(LEASE);
        PasswordReset next = resets(Duration.ZERO).reset(command());
        clock.advance(Duration.ofSeconds(1));
        gate.open();

        assertThatThrownBy(() -> stuck.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConflictException.class)
                .hasRootCauseMessage(PasswordResetService.NOT_SAVED);
        assertThat(lastSetAt()).contains(next.passwordLastSetAt());
        assertThat(newestEntry().detail()).isEqualTo(PasswordResetService.NOT_SAVED);
    }

    private PasswordResetService resets(Duration maxWait) {
        return ServiceFixtures.passwordResets(
                store, guard, engine, new PasswordResetTiming(LEASE, maxWait), new TickingClock(clock));
    }

    private WarehouseStatusView status() {
        return lifecycle.status(new WarehouseQuery(admin, PROJECT));
    }

    private ManageWarehouseCommand command() {
        return new ManageWarehouseCommand(admin, PROJECT);
    }

    private Optional<Instant> lastSetAt() {
        return store.credentials().findByProject(PROJECT).flatMap(Credential::lastSetAt);
    }

    private AuditEntry newestEntry() {
        return store.auditLog().list(PROJECT, 1, 0).get(0);
    }
}
