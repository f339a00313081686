package dev.wharf.domain.job;

import dev.wharf.domain.shared.Require;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.domain.usage.RowCounts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which rows of a project's jobs count in {@code total_rows_stats}, stated once. A job counts in the billing period
 * its {@code created_at} falls in ({@code start <= created_at < end}), and:
 *
 * <ul>
 *   <li><b>billed</b> (PostHog's {@code db_rows}, the rows synced that billing is to charge): every row of an import
 *       that is billable and did not fail, whatever else its status (running, completed, cancelled, stopped at a
 *       billing limit). PostHog bills the rows of failed syncs too, though its own PR #32522 says they should not be:
 *       Wharf does not (a deliberate fix). A non-billable import is free, and a model job never bills, whatever its
 *       billable flag.
 *   <li><b>materialized</b>: every row of a model job, whatever its status or billable flag (PostHog has no status
 *       filter there); none of an import's.
 *   <li><b>synced by source</b> (the breakdown): each live source's billed rows, 0 for a source without any. PostHog
 *       counts all of a source's rows there, billable or not, failed or not, so its breakdown did not add up to its
 *       total; Wharf counts the same rows in both. A deleted source leaves the breakdown, but its rows stay billed.
 *   <li><b>pending</b>: the billed rows billing has not tracked yet, {@code max(0, billed - tracked)}; the total is
 *       {@code tracked + pending}.
 * </ul>
 *
 * Sums never wrap: past {@link Long#MAX_VALUE} they stay there ({@link RowCounts}).
 *
 * <p>Stores that sum in SQL restate the rule there (the adapters' {@code UsageDao}, and the per-period sums that
 * {@code JdbiJobRepository} keeps from {@link Job#billableRows()} and {@link Job#materializedRows()}); a property
 * test in the adapters ({@code JdbiUsageSumsPropertiesTest}) checks them against {@link #sum} on H2 and PostgreSQL.
 */
public final class BillableRows {
    private BillableRows() {}

    /** Whether a job's rows are billed: those of a billable import that did not fail. */
    public static boolean bills(JobKind kind, JobStatus status, boolean billable) {
        return kind == JobKind.IMPORT && billable && status != JobStatus.FAILED;
    }

    /** Whether a job's rows are materialized rows: those of a model job, whatever its status. */
    public static boolean materializes(JobKind kind) {
        return kind == JobKind.MODEL;
    }

    /** The billed rows billing has not tracked yet: {@code max(0, billed - tracked)}. */
    public static long pending(long billed, long tracked) {
        return Math.max(0, billed - tracked);
    }

    /**
     * The sums of one project's {@code jobs} in {@code period}: jobs created outside it are left out, and the
     * breakdown has exactly the {@code liveSources} (the project's sources that are not deleted).
     */
    public static Sums sum(Collection<Job> jobs, BillingPeriod period, Collection<SourceId> liveSources) {
        Map<SourceId, Long> bySource = new HashMap<>();
        for (SourceId source : liveSources) {
            bySource.put(source, 0L);
        }
        long billed = 0;
        long materialized = 0;
        for (Job job : jobs) {
            if (period.contains(job.createdAt())) {
                billed = RowCounts.add(billed, job.billableRows());
                materialized = RowCounts.add(materialized, job.materializedRows());
                if (job.sourceId() != null) {
                    bySource.computeIfPresent(job.sourceId(), (id, rows) -> RowCounts.add(rows, job.billableRows()));
                }
            }
        }
        return new Sums(billed, materialized, bySource);
    }

    /** A project's billed and materialized rows in a period, and the billed rows of each of its live sources. */
    public record Sums(long billed, long materialized, Map<SourceId, Long> bySource) {
        public Sums {
            Require.nonNull(bySource, "bySource");
            bySource = Map.copyOf(bySource);
        }
    }
}
