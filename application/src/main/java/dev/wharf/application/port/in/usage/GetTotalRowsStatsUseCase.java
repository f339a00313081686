package dev.wharf.application.port.in.usage;

/** The rows a project's warehouse loaded in the current billing period, against what billing has tracked. */
public interface GetTotalRowsStatsUseCase {
    /**
     * @throws BillingInformationUnavailableException when the billing source or the row sums fail: the caller gets
     *     no partial answer
     */
    TotalRowsStats totalRowsStats(TotalRowsStatsQuery query);
}
