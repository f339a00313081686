package dev.wharf.application.service.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.warehouse.WarehouseService;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check of ready warehouses against their engine: a lost database makes its warehouse failed, and only that. */
class WarehouseCheckServiceTest {
    private static final ProjectId KEPT = ProjectId.of(1);
    private static final ProjectId LOST = ProjectId.of(2);

    private final InMemoryFixture store = new InMemoryFixture();
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final MutableClock clock = new MutableClock(PersistenceFixture.T0);
    private final WarehouseCheckService check =
            new WarehouseCheckService(store.transactions(), store.warehouses(), engine, clock);

    private Actor admin;

    @BeforeEach
    void givenTwoReadyWarehouses() {
        store.givenProject(KEPT.value());
        admin = ServiceFixtures.givenAdmin(store, LOST.value(), clock.instant());
        ServiceFixtures.givenReadyWarehouse(store, engine, KEPT, new DatabaseName("kept"), clock.instant());
        ServiceFixtures.givenReadyWarehouse(store, engine, LOST, new DatabaseName("lost"), clock.instant());
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void aReadyWarehouseWhoseDatabaseIsGoneBecomesFailedSayingWhy() {
        engine.lose(new DatabaseName("lost"));

        WarehouseCheckService.Checked checked = check.checkReady();

        assertThat(checked.checked()).isEqualTo(2);
        assertThat(checked.failed()).extracting(Warehouse::projectId).containsExactly(LOST);
        Warehouse lost = warehouse(LOST);
        assertThat(lost.state()).isEqualTo(WarehouseState.FAILED);
        assertThat(lost.statusMessage())
                .isEqualTo("The warehouse's database lost no longer exists" + WarehouseCheckService.ADVICE);
        assertThat(lost.failedAt()).isEqualTo(clock.instant());
        assertThat(warehouse(KEPT).state()).isEqualTo(WarehouseState.READY);
        assertThat(check.checkReady().failed()).as("failed once").isEmpty();
    }

    @Test
    void aWarehouseFoundLostIsDeprovisionedToTheEnd() {
        ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
        WarehouseService lifecycle = new WarehouseService(
                access,
                ServiceFixtures.guard(store, access, clock),
                store.transactions(),
                store.warehouses(),
                store.credentials(),
                engine,
                () -> {},
                clock);
        ProvisioningWorker worker = ServiceFixtures.worker(store, engine, clock);
        engine.lose(new DatabaseName("lost"));
        check.checkReady();

        lifecycle.deprovision(new ManageWarehouseCommand(admin, LOST));
        worker.runOnce();

        assertThat(warehouse(LOST).state()).isEqualTo(WarehouseState.DELETED);
    }

    @Test
    void anEngineThatCannotAnswerMarksNothing() {
        engine.lose(new DatabaseName("lost"));
        engine.outage(BackendUnavailableException.Reason.UNREACHABLE);

        WarehouseCheckService.Checked checked = check.checkReady();

        assertThat(checked.allAnswered()).isFalse();
        assertThat(checked.unanswered()).isEqualTo(2);
        assertThat(checked.firstProblem()).isEqualTo("engine unreachable");
        assertThat(warehouse(LOST).state()).isEqualTo(WarehouseState.READY);
    }

    private Warehouse warehouse(ProjectId project) {
        return store.warehouses().findByProject(project).orElseThrow();
    }
}
