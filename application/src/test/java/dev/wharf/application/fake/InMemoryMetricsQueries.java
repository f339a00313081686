package dev.wharf.application.fake;

import dev.wharf.application.port.out.metrics.MetricsQueries;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link MetricsQueries} over an {@link InMemoryStore}'s warehouses and jobs. */
public final class InMemoryMetricsQueries implements MetricsQueries {
    private final InMemoryStore store;

    public InMemoryMetricsQueries(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Map<WarehouseState, Long> warehousesByState() {
        return store.read(t ->
                t.warehouses.values().stream().collect(Collectors.groupingBy(Warehouse::state, Collectors.counting())));
    }

    @Override
    public Map<JobKind, Long> runningJobs() {
        return store.read(t -> t.jobs.values().stream()
                .filter(job -> job.status() == JobStatus.RUNNING)
                .collect(Collectors.groupingBy(Job::kind, Collectors.counting())));
    }
}
