package dev.wharf.adapters.out.jdbi.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads a period's rows: from the per-period sums of V4 where the period's jobs are accounted in it, and from the
 * jobs themselves where they are not. Billable means a billable import whose status is not Failed; model rows are
 * materialized rows. A sum past the largest BIGINT is read as the largest (see {@code RowCounts}).
 */
@RegisterRowMapper(RowSumRowMapper.class)
interface UsageDao {
    String JOB_SUMS = """
            SELECT kind, source_id, CAST(LEAST(SUM(rows_count), 9223372036854775807) AS BIGINT) AS row_sum
            FROM warehouse_job
            WHERE project_id = :projectId AND created_at >= :start AND created_at < :end
                AND (kind = 'model' OR (billable = TRUE AND status <> 'Failed'))""";

    /**
     * Whether jobs are accounted in another period that overlaps this one (the billing period changed), so this
     * period's sums do not hold all its rows. Periods are found from their end: old ones end before this one starts.
     */
    @SqlQuery("""
            SELECT COUNT(*) FROM usage_period
            WHERE project_id = :projectId AND period_end > :start AND period_start < :end
                AND (period_start <> :start OR period_end <> :end)""")
    long otherOverlappingPeriods(
            @Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery("""
            SELECT 'model' AS kind, CAST(NULL AS UUID) AS source_id, materialized_rows AS row_sum FROM usage_period
            WHERE project_id = :projectId AND period_start = :start AND period_end = :end""")
    List<RowSum> accountedModelRows(
            @Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery("""
            SELECT 'import' AS kind, source_id, billable_rows AS row_sum FROM usage_source_rows
            WHERE project_id = :projectId AND period_start = :start AND period_end = :end""")
    List<RowSum> accountedSourceRows(
            @Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** The period's jobs that are accounted in no period, through warehouse_job_unaccounted_idx. */
    @SqlQuery(JOB_SUMS + " AND period_start IS NULL GROUP BY kind, source_id")
    List<RowSum> unaccountedRows(
            @Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** Every job of the period, whatever it is accounted in, through warehouse_job_period_idx. */
    @SqlQuery(JOB_SUMS + " AND kind IN ('import', 'model') GROUP BY kind, source_id")
    List<RowSum> allRows(@Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery("SELECT id FROM external_data_source WHERE project_id = :projectId AND deleted_at IS NULL")
    List<UUID> liveSources(@Bind("projectId") long projectId);

    @SqlQuery("SELECT id FROM project WHERE organization_id = :organizationId")
    List<Long> projectsOf(@Bind("organizationId") UUID organizationId);
}
