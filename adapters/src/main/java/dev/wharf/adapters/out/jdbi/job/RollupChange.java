package dev.wharf.adapters.out.jdbi.job;

import java.time.Instant;
import java.util.UUID;

/**
 * Rows to add to one project's sums in one period: to the period's materialized rows and, for an import, to its
 * source's billable rows ({@code sourceId} null for a model job). Bound by name, so public. The rows a job adds are
 * its {@link dev.wharf.domain.job.Job#billableRows()} and {@link dev.wharf.domain.job.Job#materializedRows()}: the
 * domain's rule ({@link dev.wharf.domain.job.BillableRows}), not a copy of it.
 */
public record RollupChange(
        long projectId,
        Instant periodStart,
        Instant periodEnd,
        UUID sourceId,
        long billableRows,
        long materializedRows) {

    static RollupChange between(StoredJob before, long billableAfter, long materializedAfter) {
        return new RollupChange(
                before.job().projectId().value(),
                before.periodStart(),
                before.periodEnd(),
                before.job().sourceId() == null ? null : before.job().sourceId().value(),
                billableAfter - before.job().billableRows(),
                materializedAfter - before.job().materializedRows());
    }

    boolean isNothing() {
        return billableRows == 0 && materializedRows == 0;
    }
}
