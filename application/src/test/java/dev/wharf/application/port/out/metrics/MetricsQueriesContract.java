package dev.wharf.application.port.out.metrics;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the {@link MetricsQueries} of one store count, across every project. */
public abstract class MetricsQueriesContract extends FixtureContract {

    private MetricsQueries queries() {
        return store.metricsQueries();
    }

    private void warehouse(long project, String name, WarehouseState state) {
        store.givenProject(project);
        Warehouse pending = Warehouse.provision(Optional.empty(), ProjectId.of(project), new DatabaseName(name), T0);
        Warehouse warehouse = switch (state) {
            case PENDING -> pending;
            case PROVISIONING -> pending.startProvisioning(at(1));
            case READY -> pending.startProvisioning(at(1)).markReady(at(2));
            case FAILED -> pending.startProvisioning(at(1)).markFailed("no", at(2));
            case DELETING -> pending.startProvisioning(at(1)).markReady(at(2)).startDeleting(at(3));
            case DELETED ->
                pending.startProvisioning(at(1))
                        .markReady(at(2))
                        .startDeleting(at(3))
                        .markDeleted(at(4));
        };
        store.warehouses().insert(warehouse);
    }

    @Test
    void nothingIsCountedInAnEmptyStore() {
        assertThat(queries().warehousesByState()).isEmpty();
        assertThat(queries().runningJobs()).isEmpty();
    }

    @Test
    void warehousesAreCountedByStateAcrossProjects() {
        warehouse(1, "wh-a", WarehouseState.READY);
        warehouse(2, "wh-b", WarehouseState.READY);
        warehouse(3, "wh-c", WarehouseState.PENDING);
        warehouse(4, "wh-d", WarehouseState.DELETED);
        warehouse(5, "wh-e", WarehouseState.FAILED);

        assertThat(queries().warehousesByState())
                .containsOnly(
                        entry(WarehouseState.READY, 2L),
                        entry(WarehouseState.PENDING, 1L),
                        entry(WarehouseState.DELETED, 1L),
                        entry(WarehouseState.FAILED, 1L));
    }

    @Test
    void onlyRunningJobsAreCountedByKindAcrossProjects() {
        store.givenProject(1);
        store.givenProject(2);
        for (long project = 1; project <= 2; project++) {
            ProjectId id = ProjectId.of(project);
            Source source = Source.create(SourceId.random(), id, "Stripe", null, T0);
            store.sources().insert(source);
            store.jobs().insert(Job.startImport(JobId.random(), id, source.id(), "charges", true, null, at(1), at(1)));
            store.jobs()
                    .insert(Job.startImport(JobId.random(), id, source.id(), "refunds", true, null, at(1), at(1))
                            .finish(JobStatus.COMPLETED, at(2)));
        }
        store.jobs().insert(Job.startModel(JobId.random(), ProjectId.of(1), "revenue", null, at(3), at(3)));

        assertThat(queries().runningJobs()).containsOnly(entry(JobKind.IMPORT, 2L), entry(JobKind.MODEL, 1L));
    }
}
