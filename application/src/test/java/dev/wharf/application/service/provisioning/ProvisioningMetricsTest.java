package dev.wharf.application.service.provisioning;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.fake.RecordingMetrics;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.warehouse.WarehouseService;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the provisioning worker counts: each engine call, each failed one and why, and the time to ready. */
class ProvisioningMetricsTest {
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private WarehouseService lifecycle;
    private ProvisioningWorker worker;
    private Actor admin;

    @BeforeEach
    void setUp() {
        admin = ServiceFixtures.givenAdmin(store, PROJECT.value(), clock.instant());
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
        worker = ServiceFixtures.worker(store, engine, clock, metrics);
    }

    private void provision() {
        lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, "analytics"));
    }

    private void passAfter(Duration wait) {
        clock.advance(wait);
        worker.runOnce();
    }

    private WarehouseState state() {
        return store.warehouses().findByProject(PROJECT).orElseThrow().state();
    }

    @Test
    void everyEngineCallIsAnAttemptAndReadyIsTimedFromTheRequest() {
        engine.needPasses(2);
        provision();
        passAfter(Duration.ofSeconds(1));
        passAfter(Duration.ofSeconds(2));
        passAfter(Duration.ofSeconds(2));

        assertThat(state()).isEqualTo(WarehouseState.READY);
        assertThat(metrics.counts())
                .containsOnly(
                        entry("provisioningAttempted " + engine.name(), 3L),
                        entry("warehouseReady " + engine.name(), 1L));
        assertThat(metrics.readyAfter()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void anEngineErrorIsAFailedAttemptThatIsRetried() {
        provision();
        engine.outage(BackendUnavailableException.Reason.UNREACHABLE);
        passAfter(Duration.ZERO);
        engine.outage(null);
        passAfter(Duration.ofMinutes(1));

        assertThat(state()).isEqualTo(WarehouseState.READY);
        assertThat(metrics.count("provisioningAttempted " + engine.name())).isEqualTo(2);
        assertThat(metrics.count("provisioningFailed " + engine.name() + " ENGINE_ERROR"))
                .isEqualTo(1);
        assertThat(metrics.count("warehouseReady " + engine.name())).isEqualTo(1);
    }

    @Test
    void aRefusalAndATimeoutAreFailuresThatEndTheWarehouse() {
        provision();
        engine.refuseNextProvision("no room");
        passAfter(Duration.ZERO);
        assertThat(state()).isEqualTo(WarehouseState.FAILED);

        clock.advance(Duration.ofMinutes(1));
        provision();
        engine.needPasses(1_000);
        passAfter(Duration.ZERO);
        passAfter(ProvisioningSettings.defaults().provisioningTimeout());

        assertThat(state()).isEqualTo(WarehouseState.FAILED);
        assertThat(metrics.count("provisioningFailed " + engine.name() + " REFUSED"))
                .isEqualTo(1);
        assertThat(metrics.count("provisioningFailed " + engine.name() + " TIMED_OUT"))
                .isEqualTo(1);
        assertThat(metrics.count("warehouseReady " + engine.name())).isZero();
    }
}
