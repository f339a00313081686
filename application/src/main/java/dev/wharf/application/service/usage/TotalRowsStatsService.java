package dev.wharf.application.service.usage;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.in.usage.BillingInformationUnavailableException;
import dev.wharf.application.port.in.usage.TotalRowsStats;
import dev.wharf.application.port.in.usage.TotalRowsStatsQuery;
import dev.wharf.application.port.in.usage.UsageStats;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.application.port.out.usage.UsageQueries.PeriodRows;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.Scope;
import java.util.Optional;

/**
 * {@code total_rows_stats} as PostHog answers it, with two deliberate fixes that live in {@link UsageQueries}: rows
 * of Failed imports are not billable, and the per-source breakdown counts the same rows as the total. Access is
 * decided first (its refusals pass through); after that any failure of billing or of the sums refuses the whole
 * answer with {@link BillingInformationUnavailableException}.
 */
public final class TotalRowsStatsService implements UsageStats {
    private final ProjectAccess access;
    private final BillingSource billing;
    private final UsageQueries usage;

    public TotalRowsStatsService(ProjectAccess access, BillingSource billing, UsageQueries usage) {
        this.access = access;
        this.billing = billing;
        this.usage = usage;
    }

    @Override
    public TotalRowsStats totalRowsStats(TotalRowsStatsQuery query) {
        Project project = access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ);
        try {
            Optional<Billing> current = billing.billingFor(project.organizationId());
            if (current.isEmpty()) {
                return TotalRowsStats.unavailable();
            }
            Billing known = current.get();
            PeriodRows rows = usage.rowsInPeriod(project.id(), known.period());
            return TotalRowsStats.of(
                    known.period(),
                    known.trackedRows(),
                    rows.billableRows(),
                    rows.materializedRows(),
                    rows.bySource(),
                    known.rowLimit());
        } catch (RuntimeException e) {
            throw new BillingInformationUnavailableException(e);
        }
    }
}
