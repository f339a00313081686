package dev.wharf.application.port.in.usage;

/** Rows synced, billed, pending and materialized in a project's billing period. */
public interface UsageStats {
    /**
     * @throws BillingInformationUnavailableException when the billing source or the row sums fail: the caller gets
     *     no partial answer
     */
    TotalRowsStats totalRowsStats(TotalRowsStatsQuery query);
}
