package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.domain.job.Job;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(JobRowMapper.class)
interface JobDao {
    String COLUMNS = """
            id, project_id, kind, source_id, name, status, rows_count, billable, workflow_run_id, latest_error,
            created_at, finished_at, last_heartbeat_at""";

    @SqlBatch("""
            INSERT INTO warehouse_job (id, project_id, kind, source_id, name, status, rows_count, billable,
                workflow_run_id, latest_error, created_at, finished_at, last_heartbeat_at, period_start, period_end)
            VALUES (:id, :projectId, :kind, :sourceId, :name, :status, :rows, :billable,
                :workflowRunId, :latestError, :createdAt, :finishedAt, :lastHeartbeatAt, :periodStart, :periodEnd)""")
    void insertAll(@BindMethods List<JobRow> rows);

    @SqlUpdate("""
            UPDATE warehouse_job SET status = :status, rows_count = :rows, latest_error = :latestError,
                finished_at = :finishedAt, last_heartbeat_at = :lastHeartbeatAt
            WHERE id = :id AND project_id = :projectId""")
    int update(@BindMethods JobRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM warehouse_job WHERE project_id = :projectId AND id = :id")
    Optional<Job> find(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + """
            , period_start, period_end FROM warehouse_job WHERE project_id = :projectId AND id = :id""")
    @RegisterRowMapper(StoredJobRowMapper.class)
    Optional<StoredJob> findStored(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM warehouse_job WHERE project_id = :projectId AND id = :id FOR UPDATE")
    Optional<Job> findForUpdate(@Bind("projectId") long projectId, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM warehouse_job WHERE status = 'Running' AND last_heartbeat_at < :cutoff
            ORDER BY last_heartbeat_at, id LIMIT :limit""")
    List<Job> findStale(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);
}
