package dev.wharf.application.port.in.usage;

import dev.wharf.domain.job.BillableRows;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A project's rows in its organization's current billing period. Without billing ({@code period} empty) every count
 * is 0 and the breakdown is empty. Otherwise {@code pendingBillingRows = max(0, dbRows - trackedBillingRows)} and
 * {@code totalRows = trackedBillingRows + pendingBillingRows}; the breakdown has every non-deleted source (the rule
 * is {@link BillableRows}). {@code rowLimit} is the organization's limit of rows per period, where billing has one.
 */
public record TotalRowsStats(
        Optional<BillingPeriod> period,
        Map<SourceId, Long> rowsBySource,
        long materializedRows,
        long trackedBillingRows,
        long pendingBillingRows,
        OptionalLong rowLimit) {
    public TotalRowsStats {
        Require.nonNull(period, "period");
        Require.nonNull(rowLimit, "rowLimit");
        rowsBySource = Map.copyOf(rowsBySource);
    }

    public static TotalRowsStats unavailable() {
        return new TotalRowsStats(Optional.empty(), Map.of(), 0, 0, 0, OptionalLong.empty());
    }

    public static TotalRowsStats of(
            BillingPeriod period, long trackedRows, long dbRows, long materializedRows, Map<SourceId, Long> bySource) {
        return of(period, trackedRows, dbRows, materializedRows, bySource, OptionalLong.empty());
    }

    public static TotalRowsStats of(
            BillingPeriod period,
            long trackedRows,
            long dbRows,
            long materializedRows,
            Map<SourceId, Long> bySource,
            OptionalLong rowLimit) {
        return new TotalRowsStats(
                Optional.of(period),
                bySource,
                materializedRows,
                trackedRows,
                BillableRows.pending(dbRows, trackedRows),
                rowLimit);
    }

    public boolean billingAvailable() {
        return period.isPresent();
    }

    public long totalRows() {
        return trackedBillingRows + pendingBillingRows;
    }
}
