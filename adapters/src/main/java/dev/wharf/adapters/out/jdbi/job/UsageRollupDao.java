package dev.wharf.adapters.out.jdbi.job;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * Writes the per-period sums of V4. Rows are made with {@code ON CONFLICT DO NOTHING} (no conflict target: H2 in
 * PostgreSQL mode takes only that form), which waits for a concurrent insert of the same key instead of failing;
 * sums then move by relative updates, which row locks serialize. A sum stays within 0 and the largest BIGINT (see
 * {@code RowCounts}): computed as a decimal, so that passing it is not an error.
 */
interface UsageRollupDao {
    @SqlBatch("""
            INSERT INTO usage_period (project_id, period_start, period_end, materialized_rows)
            VALUES (:projectId, :periodStart, :periodEnd, 0) ON CONFLICT DO NOTHING""")
    void ensurePeriods(@BindMethods List<RollupChange> changes);

    @SqlBatch("""
            INSERT INTO usage_source_rows (project_id, period_start, period_end, source_id, billable_rows)
            VALUES (:projectId, :periodStart, :periodEnd, :sourceId, 0) ON CONFLICT DO NOTHING""")
    void ensureSources(@BindMethods List<RollupChange> changes);

    @SqlBatch("""
            UPDATE usage_period
            SET materialized_rows = CAST(LEAST(GREATEST(
                    CAST(materialized_rows AS DECIMAL(20, 0)) + :materializedRows, 0), 9223372036854775807) AS BIGINT)
            WHERE project_id = :projectId AND period_start = :periodStart AND period_end = :periodEnd""")
    void addMaterialized(@BindMethods List<RollupChange> changes);

    @SqlBatch("""
            UPDATE usage_source_rows
            SET billable_rows = CAST(LEAST(GREATEST(
                    CAST(billable_rows AS DECIMAL(20, 0)) + :billableRows, 0), 9223372036854775807) AS BIGINT)
            WHERE project_id = :projectId AND period_start = :periodStart AND period_end = :periodEnd
                AND source_id = :sourceId""")
    void addBillable(@BindMethods List<RollupChange> changes);
}
