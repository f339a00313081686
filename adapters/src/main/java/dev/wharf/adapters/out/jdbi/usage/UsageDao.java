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
interface UsageDao {
    /**
     * The WHERE clause restates the domain's rule, {@link dev.wharf.domain.job.BillableRows}, in SQL and must agree
     * with it: {@code JdbiUsageSumsPropertiesTest} checks that it does.
     */
    String JOB_SUMS = """
            SELECT kind, source_id, CAST(LEAST(SUM(rows_count), 9223372036854775807) AS BIGINT) AS row_sum
            FROM warehouse_job
            WHERE project_id = :projectId AND created_at >= :start AND created_at < :end
                AND (kind = 'model' OR (billable = TRUE AND status <> 'Failed'))""";

    /**
     * The periods with accounted jobs that overlap this one: none, or this very period, when its sums hold every
     * accounted job of it; another one when the billing period moved. Found from their end: the periods of earlier
     * months end before this one starts.
     */
    @SqlQuery("""
            SELECT period_start, period_end, materialized_rows FROM usage_period
            WHERE project_id = :projectId AND period_end > :start AND period_start < :end""")
    @RegisterRowMapper(PeriodSumRowMapper.class)
    List<PeriodSum> overlappingPeriods(
            @Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** Every source of the project, deleted or not, with its accounted billable rows in the period (0 if none). */
    @SqlQuery("""
            SELECT s.id AS source_id, s.deleted_at IS NULL AS live, COALESCE(r.billable_rows, 0) AS row_sum
            FROM external_data_source s
            LEFT JOIN usage_source_rows r ON r.project_id = s.project_id AND r.source_id = s.id
                AND r.period_start = :start AND r.period_end = :end
            WHERE s.project_id = :projectId""")
    @RegisterRowMapper(SourceSumRowMapper.class)
    List<SourceSum> sourceSums(
            @Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** The period's jobs that are accounted in no period, through warehouse_job_unaccounted_idx. */
    @SqlQuery(JOB_SUMS + " AND period_start IS NULL GROUP BY kind, source_id")
    @RegisterRowMapper(RowSumRowMapper.class)
    List<RowSum> unaccountedRows(
            @Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    /** Every job of the period, whatever it is accounted in, through warehouse_job_period_idx. */
    @SqlQuery(JOB_SUMS + " AND kind IN ('import', 'model') GROUP BY kind, source_id")
    @RegisterRowMapper(RowSumRowMapper.class)
    List<RowSum> allRows(@Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery("SELECT id FROM external_data_source WHERE project_id = :projectId AND deleted_at IS NULL")
    List<UUID> liveSources(@Bind("projectId") long projectId);

    @SqlQuery("SELECT id FROM project WHERE organization_id = :organizationId")
    List<Long> projectsOf(@Bind("organizationId") UUID organizationId);
}
