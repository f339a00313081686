package dev.wharf.application.service.provisioning;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.warehouse.WarehouseService;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the worker tells its loop about the next attempt it scheduled, so the loop waits no longer than that. */
class ProvisioningScheduleTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final Duration POLL = ProvisioningSettings.defaults().pollInterval();

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private ProvisioningWorker worker;
    private WarehouseService lifecycle;
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
        worker = ServiceFixtures.worker(store, engine, clock);
        lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, "analytics"));
    }

    @Test
    void aPollOfAnEngineStillWorkingIsScheduledAfterThePollIntervalAndSurvivesAnEmptyPass() {
        engine.needPasses(1);
        assertThat(worker.nextAttemptScheduled()).isEmpty();

        worker.runOnce();
        assertThat(worker.nextAttemptScheduled()).contains(T0.plus(POLL));
        assertThat(worker.runOnce()).as("nothing is due yet").isZero();
        assertThat(worker.nextAttemptScheduled()).contains(T0.plus(POLL));

        clock.advance(POLL);
        worker.runOnce();
        assertThat(worker.nextAttemptScheduled())
                .as("ready: nothing more to schedule")
                .isEmpty();
    }

    @Test
    void aRetryIsScheduledAfterItsBackoffAndATimePassedIsForgotten() {
        engine.outage(BackendUnavailableException.Reason.UNREACHABLE);
        worker.runOnce();
        assertThat(worker.nextAttemptScheduled())
                .hasValueSatisfying(next -> assertThat(next).isAfter(T0));

        clock.advance(Duration.ofHours(1));
        engine.outage(null);
        worker.runOnce();
        assertThat(worker.nextAttemptScheduled()).isEmpty();
    }
}
