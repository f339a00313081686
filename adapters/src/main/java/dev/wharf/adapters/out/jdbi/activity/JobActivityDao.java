package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.application.port.out.activity.JobStatsCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The activity list first narrows by {@code status IN (…)} on the union of both kinds' statuses, so the (project_id,
 * status, created_at) index bounds the scan; the per-kind condition then filters what it finds.
 */
interface JobActivityDao {
    /** Read as a plain query by {@link JdbiJobActivityQueries#activity}: every running_activity request runs it. */
    String ACTIVITY = """
            SELECT j.id, j.kind, s.source_type, j.name, j.status, j.rows_count, j.created_at, j.finished_at,
                j.latest_error, j.workflow_run_id, j.source_id
            FROM warehouse_job j
            LEFT JOIN external_data_source s ON s.id = j.source_id AND s.project_id = j.project_id
            WHERE j.project_id = :projectId AND j.status IN (<statuses>) AND j.created_at >= :cutoff
                AND ((j.kind = 'import' AND j.status IN (<importStatuses>))
                    OR (j.kind = 'model' AND j.status IN (<modelStatuses>)))
            ORDER BY j.created_at DESC, j.id DESC
            LIMIT :limit OFFSET :offset""";

    /**
     * One branch per index: finished billable imports by (project_id, kind, finished_at), running imports by
     * (project_id, status, created_at), models by (project_id, kind, created_at). The branches cannot overlap (a
     * running job has no finished_at). {@code <bucket>} is the CASE expression of {@link StatsBuckets}.
     */
    @SqlQuery("""
            SELECT kind, status, bucket, COUNT(*) AS jobs FROM (
                SELECT kind, status, <bucket> AS bucket FROM (
                    SELECT kind, status, created_at FROM warehouse_job
                    WHERE project_id = :projectId AND kind = 'import' AND finished_at >= :cutoff AND billable = TRUE
                    UNION ALL
                    SELECT kind, status, created_at FROM warehouse_job
                    WHERE project_id = :projectId AND status = 'Running' AND created_at >= :cutoff
                        AND kind = 'import' AND billable = TRUE
                    UNION ALL
                    SELECT kind, status, created_at FROM warehouse_job
                    WHERE project_id = :projectId AND kind = 'model' AND created_at >= :cutoff
                ) counted
            ) bucketed
            GROUP BY kind, status, bucket""")
    @RegisterRowMapper(JobStatsCountRowMapper.class)
    List<JobStatsCount> statsCounts(
            @Bind("projectId") long projectId,
            @Bind("cutoff") Instant cutoff,
            @Define("bucket") String bucket,
            @BindMap Map<String, Instant> bounds);
}
