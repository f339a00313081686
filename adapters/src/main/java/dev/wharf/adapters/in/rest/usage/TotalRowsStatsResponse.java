package dev.wharf.adapters.in.rest.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.port.in.usage.TotalRowsStats;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET total_rows_stats}: every key always present; the breakdown keyed by source id, in id order. {@code
 * row_limit} is Wharf's addition: the organization's rows per billing period, null where there is no limit.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TotalRowsStatsResponse(
        @JsonProperty("billing_available") boolean billingAvailable,
        @JsonProperty("billing_interval") String billingInterval,
        @JsonProperty("billing_period_start") String billingPeriodStart,
        @JsonProperty("billing_period_end") String billingPeriodEnd,
        @JsonProperty("breakdown_of_rows_by_source") Map<String, Long> breakdownOfRowsBySource,
        @JsonProperty("materialized_rows_in_billing_period") long materializedRowsInBillingPeriod,
        @JsonProperty("total_rows") long totalRows,
        @JsonProperty("tracked_billing_rows") long trackedBillingRows,
        @JsonProperty("pending_billing_rows") long pendingBillingRows,
        @JsonProperty("row_limit") Long rowLimit) {

    static TotalRowsStatsResponse of(TotalRowsStats stats) {
        Map<String, Long> breakdown = new TreeMap<>();
        stats.rowsBySource().forEach((id, rows) -> breakdown.put(id.value().toString(), rows));
        BillingPeriod period = stats.period().orElse(null);
        return new TotalRowsStatsResponse(
                stats.billingAvailable(),
                period == null ? "" : period.interval().wireName(),
                period == null ? null : Timestamps.format(period.start()),
                period == null ? null : Timestamps.format(period.end()),
                breakdown,
                stats.materializedRows(),
                stats.totalRows(),
                stats.trackedBillingRows(),
                stats.pendingBillingRows(),
                stats.rowLimit().isPresent() ? stats.rowLimit().getAsLong() : null);
    }
}
