package dev.wharf.application.port.out.metrics;

import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.warehouse.WarehouseState;
import java.util.Map;

/** What the metrics read from the metadata database when they are scraped: counts across every project. */
public interface MetricsQueries {
    /** Warehouses by state; a state no warehouse is in is absent. */
    Map<WarehouseState, Long> warehousesByState();

    /** Running jobs by kind; a kind with none running is absent. */
    Map<JobKind, Long> runningJobs();
}
