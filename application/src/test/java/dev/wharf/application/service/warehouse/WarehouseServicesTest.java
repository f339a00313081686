package dev.wharf.application.service.warehouse;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ActionGuard;
import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.fake.TickingClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.in.ratelimit.RateLimitListener;
import dev.wharf.application.port.in.warehouse.CheckDatabaseNameQuery;
import dev.wharf.application.port.in.warehouse.CheckSchemaNameQuery;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.NameAvailability;
import dev.wharf.application.port.in.warehouse.PasswordReset;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.provisioning.ProvisioningWorker;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        lifecycle = new WarehouseService(
                access, guard, store.transactions(), store.warehouses(), store.credentials(), engine, () -> {}, clock);
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
        assertThat(lifecycle.checkDatabaseName(elsewhere).available())
                .as("an engine whose names are Wharf's alone")
                .isTrue();

        engine.holdNamesGlobally(new DatabaseName("theirs"));

        assertThat(lifecycle.checkDatabaseName(free).available()).isTrue();
        assertThat(lifecycle.checkDatabaseName(elsewhere))
                .isEqualTo(new NameAvailability("theirs", false, Optional.of(WarehouseService.NAME_TAKEN)));
        for (BackendUnavailableException.Reason reason : BackendUnavailableException.Reason.values()) {
            engine.outage(reason);
            assertThatThrownBy(() -> lifecycle.checkDatabaseName(free))
                    .isInstanceOfSatisfying(
                            BackendUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(reason));
        }
    }

    @Test
    void aChosenSchemaIsKeptAskedOfTheEngineAndRefusedWhenInvalid() {
        assertThatThrownBy(() -> lifecycle.provision(new ProvisionWarehouseCommand(
                        admin, PROJECT, NAME.value(), "pg_sales", RateLimitListener.NONE)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(SchemaName.PG_PREFIX);
        assertThat(store.warehouses().findByProject(PROJECT))
                .as("nothing half-written")
                .isEmpty();

        lifecycle.provision(
                new ProvisionWarehouseCommand(admin, PROJECT, NAME.value(), "sales", RateLimitListener.NONE));
        worker.runOnce();

        assertThat(store.warehouses().findByProject(PROJECT).orElseThrow().schema())
                .contains(new SchemaName("sales"));
        assertThat(engine.schemaOf(NAME)).contains(new SchemaName("sales"));
    }

    @Test
    void aSchemaNameIsOneProjectsPerOrganizationAndOnlyAdminsMayCheckIt() {
        Project first = store.projects().findById(PROJECT).orElseThrow();
        ProjectId sibling = ProjectId.of(2);
        store.projects().insert(new Project(sibling, first.organizationId(), "Sibling", ZoneOffset.UTC, T0));
        Actor siblingAdmin = new Actor(admin.userId(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of());
        lifecycle.provision(
                new ProvisionWarehouseCommand(admin, PROJECT, NAME.value(), "sales", RateLimitListener.NONE));

        assertThat(lifecycle.checkSchemaName(new CheckSchemaNameQuery(admin, PROJECT, "sales")))
                .as("the project's own schema")
                .isEqualTo(new NameAvailability("sales", true, Optional.empty()));
        assertThat(lifecycle.checkSchemaName(new CheckSchemaNameQuery(siblingAdmin, sibling, "sales")))
                .isEqualTo(new NameAvailability("sales", false, Optional.of(WarehouseService.SCHEMA_TAKEN)));
        assertThat(lifecycle
                        .checkSchemaName(new CheckSchemaNameQuery(siblingAdmin, sibling, "marketing"))
                        .available())
                .isTrue();
        assertThatThrownBy(() -> lifecycle.provision(new ProvisionWarehouseCommand(
                        siblingAdmin, sibling, "sibling", "sales", RateLimitListener.NONE)))
                .isInstanceOf(ConflictException.class)
                .hasMessage(WarehouseService.SCHEMA_TAKEN);
        assertThat(store.warehouses().findByProject(sibling)).isEmpty();
        for (String bad : new String[] {"", "Sales", "1x", "public"}) {
            assertThatThrownBy(() -> lifecycle.checkSchemaName(new CheckSchemaNameQuery(admin, PROJECT, bad)))
                    .isInstanceOf(RuleViolationException.class);
        }
        assertThatThrownBy(() -> lifecycle.checkSchemaName(new CheckSchemaNameQuery(admin, PROJECT, null)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(SchemaName.REQUIRED);

        User member = store.givenUser("member@example.com");
        store.organizations()
                .saveMembership(new Membership(first.organizationId(), member.id(), OrganizationRole.MEMBER, T0));
        Actor memberActor = new Actor(member.id(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of());
        assertThatThrownBy(() -> lifecycle.checkSchemaName(new CheckSchemaNameQuery(memberActor, PROJECT, "sales")))
                .isInstanceOf(NotAnAdminException.class)
                .hasMessage("Only organization admins can check schema names for the managed warehouse");
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
