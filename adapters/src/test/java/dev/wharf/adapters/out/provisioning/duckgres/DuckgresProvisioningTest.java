package dev.wharf.adapters.out.provisioning.duckgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.CheckDatabaseNameQuery;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.provisioning.ProvisioningWorker;
import dev.wharf.application.service.warehouse.WarehouseService;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provisioning worker and the warehouse use cases over the duckgres engine, against the strict fake. */
class DuckgresProvisioningTest {
    private static final String SECRET = "worker-secret";
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final String NAME = "sales-wh";

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(PersistenceFixture.T0);
    private FakeDuckgres duckgres;
    private Actor admin;

    @BeforeEach
    void start() {
        duckgres = new FakeDuckgres(SECRET, true);
        admin = ServiceFixtures.givenAdmin(store, PROJECT.value(), clock.instant());
    }

    @AfterEach
    void stop() {
        duckgres.close();
    }

    @Test
    void aWrongSecretIsSaidInTheStatusMessageAndIsNotCalledUnreachable() {
        Wharf wharf = new Wharf("a-wrong-secret");

        wharf.lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, NAME));
        wharf.worker.runOnce();

        assertThat(warehouse().statusMessage())
                .startsWith("Provisioning is retrying after an engine error: duckgres refused Wharf's credentials (401")
                .doesNotContain("unreachable");
    }

    @Test
    void aProvisionDuckgresWillAlwaysRefuseEndsFailedWithItsWordsAtOnce() {
        DuckgresWarehouseEngine otherTenant =
                new DuckgresWarehouseEngine(DuckgresEngineSettings.defaults(duckgres.baseUrl(), SECRET, null));
        otherTenant.provision(new DatabaseName(NAME), WarehouseTag.of(ProjectId.of(99), Instant.EPOCH));
        Wharf wharf = new Wharf(SECRET);

        wharf.lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, NAME));
        wharf.worker.runOnce();

        assertThat(warehouse().state()).isEqualTo(WarehouseState.FAILED);
        assertThat(warehouse().statusMessage()).contains("database name " + NAME + " is already in use");
    }

    @Test
    void aDeprovisionedWarehouseLeavesNoOrgAndItsNameIsFreeAgain() {
        Wharf wharf = new Wharf(SECRET);
        wharf.lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, NAME));
        wharf.untilState(WarehouseState.READY);
        assertThat(wharf.lifecycle
                        .checkDatabaseName(new CheckDatabaseNameQuery(admin, PROJECT, NAME))
                        .available())
                .isFalse();

        wharf.lifecycle.deprovision(new ManageWarehouseCommand(admin, PROJECT));
        wharf.untilState(WarehouseState.DELETED);

        assertThat(duckgres.orgOf(NAME)).isEmpty();
        assertThat(wharf.lifecycle
                        .checkDatabaseName(new CheckDatabaseNameQuery(admin, PROJECT, NAME))
                        .available())
                .isTrue();
    }

    private Warehouse warehouse() {
        return store.warehouses().findByProject(PROJECT).orElseThrow();
    }

    /** Wharf's warehouse use cases and worker over a duckgres engine that sends {@code secret}. */
    private final class Wharf {
        final WarehouseService lifecycle;
        final ProvisioningWorker worker;

        Wharf(String secret) {
            DuckgresWarehouseEngine engine =
                    new DuckgresWarehouseEngine(DuckgresEngineSettings.defaults(duckgres.baseUrl(), secret, null));
            ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
            lifecycle = new WarehouseService(
                    access,
                    ServiceFixtures.guard(store, access, clock),
                    store.transactions(),
                    store.warehouses(),
                    store.credentials(),
                    engine,
                    () -> {},
                    clock);
            worker = ServiceFixtures.worker(store, engine, clock);
        }

        void untilState(WarehouseState state) {
            for (int pass = 0; pass < 20 && warehouse().state() != state; pass++) {
                worker.runOnce();
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(warehouse().state()).as(warehouse().statusMessage()).isEqualTo(state);
        }
    }
}
