package dev.wharf.adapters.out.jdbi.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * One statement sums a period's rows per kind and source, so the total and the breakdown come from the same read;
 * {@code kind IN (…)} with the half-open {@code created_at} range is served by the (project_id, kind, created_at)
 * index. Billable means a billable import whose status is not Failed; model rows are materialized rows.
 */
interface UsageDao {
    @SqlQuery("""
            SELECT kind, source_id, SUM(rows_count) AS row_sum
            FROM warehouse_job
            WHERE project_id = :projectId AND kind IN ('import', 'model')
                AND created_at >= :start AND created_at < :end
                AND (kind = 'model' OR (billable = TRUE AND status <> 'Failed'))
            GROUP BY kind, source_id""")
    @RegisterRowMapper(RowSumRowMapper.class)
    List<RowSum> rowSums(@Bind("projectId") long projectId, @Bind("start") Instant start, @Bind("end") Instant end);

    @SqlQuery("SELECT id FROM external_data_source WHERE project_id = :projectId AND deleted_at IS NULL")
    List<UUID> liveSources(@Bind("projectId") long projectId);
}
