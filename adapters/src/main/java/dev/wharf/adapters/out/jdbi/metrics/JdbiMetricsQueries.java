package dev.wharf.adapters.out.jdbi.metrics;

import dev.wharf.application.port.out.metrics.MetricsQueries;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.warehouse.WarehouseState;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link MetricsQueries} on Jdbi: two grouped counts, run when the metrics are scraped. The warehouses are read by
 * {@code warehouse_state_idx}; the running jobs by the status index of migration V11, so neither reads finished jobs.
 */
public final class JdbiMetricsQueries implements MetricsQueries {
    private final Jdbi jdbi;

    public JdbiMetricsQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<WarehouseState, Long> warehousesByState() {
        return jdbi.withHandle(handle -> {
            Map<WarehouseState, Long> counts = new EnumMap<>(WarehouseState.class);
            handle.createQuery("SELECT state, COUNT(*) AS n FROM warehouse GROUP BY state")
                    .map((rs, ctx) -> Map.entry(WarehouseState.fromWireName(rs.getString("state")), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    @Override
    public Map<JobKind, Long> runningJobs() {
        return jdbi.withHandle(handle -> {
            Map<JobKind, Long> counts = new EnumMap<>(JobKind.class);
            handle.createQuery("SELECT kind, COUNT(*) AS n FROM warehouse_job WHERE status = 'Running' GROUP BY kind")
                    .map((rs, ctx) -> Map.entry(JobKind.fromWireName(rs.getString("kind")), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }
}
