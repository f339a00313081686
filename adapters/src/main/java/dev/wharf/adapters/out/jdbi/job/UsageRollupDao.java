package dev.wharf.adapters.out.jdbi.job;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/**
 * Writes the per-period sums of V4. Rows are made with {@code ON CONFLICT DO NOTHING} (no conflict target: H2 in
 * PostgreSQL mode takes only that form), which waits for a concurrent insert of the same key instead of failing;
 * sums then move by relative updates, which row locks serialize.
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
            UPDATE usage_period SET materialized_rows = materialized_rows + :materializedRows
            WHERE project_id = :projectId AND period_start = :periodStart AND period_end = :periodEnd""")
    void addMaterialized(@BindMethods List<RollupChange> changes);

    @SqlBatch("""
            UPDATE usage_source_rows SET billable_rows = billable_rows + :billableRows
            WHERE project_id = :projectId AND period_start = :periodStart AND period_end = :periodEnd
                AND source_id = :sourceId""")
    void addBillable(@BindMethods List<RollupChange> changes);
}
