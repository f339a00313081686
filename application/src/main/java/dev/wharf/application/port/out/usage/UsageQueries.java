package dev.wharf.application.port.out.usage;

import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.Map;

/**
 * The read side of row accounting: sums of the rows a project's jobs loaded in a billing period. A job belongs to the
 * period its {@code created_at} falls in ({@code start <= created_at < end}). A sum past {@link Long#MAX_VALUE} is
 * {@link Long#MAX_VALUE} ({@link dev.wharf.domain.usage.RowCounts}), never an error or a negative number.
 */
public interface UsageQueries {
    /**
     * The project's rows in {@code period}: billable rows are those of billable imports whose status is not
     * {@code Failed}; materialized rows are those of model jobs, whatever their status; {@code bySource} has every
     * source of the project that is not deleted (0 when it has no such jobs) with its billable rows, so it sums to
     * {@code billableRows} minus the rows of deleted sources. The rule is the domain's {@link
     * dev.wharf.domain.job.BillableRows}: a store must sum as its {@code sum} does.
     */
    PeriodRows rowsInPeriod(ProjectId projectId, BillingPeriod period);

    /** The billable rows in {@code period} of every project of the organization, as {@link #rowsInPeriod} sums them. */
    long billableRowsOfOrganization(OrganizationId organizationId, BillingPeriod period);

    /** Row sums of one project over one period. */
    record PeriodRows(long billableRows, long materializedRows, Map<SourceId, Long> bySource) {
        public PeriodRows {
            bySource = Map.copyOf(bySource);
        }
    }
}
