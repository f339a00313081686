package dev.wharf.domain.job;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.shared.Texts;
import java.time.Instant;

/**
 * A run that loads data into a warehouse: an import of one schema of a source, or a model (materialized view)
 * refresh. Its row count never goes negative and never goes down; reaching a terminal status sets {@code
 * finishedAt}, and from then on the job cannot change. Every report is also a heartbeat.
 */
public record Job(
        JobId id,
        ProjectId projectId,
        JobKind kind,
        SourceId sourceId,
        String name,
        JobStatus status,
        long rows,
        boolean billable,
        String workflowRunId,
        String latestError,
        Instant createdAt,
        Instant finishedAt,
        Instant lastHeartbeatAt) {

    public static final int MAX_NAME_LENGTH = 400;
    public static final int MAX_ERROR_LENGTH = 10_000;
    public static final int MAX_WORKFLOW_RUN_ID_LENGTH = 400;

    public Job {
        Require.nonNull(id, "id");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(kind, "kind");
        Require.nonNull(status, "status");
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(lastHeartbeatAt, "lastHeartbeatAt");
        if (kind == JobKind.IMPORT && sourceId == null) {
            throw new RuleViolationException("source_id is required for an import job");
        }
        if (kind == JobKind.MODEL && sourceId != null) {
            throw new RuleViolationException("a model job has no source");
        }
        if (name == null || name.isBlank()) {
            throw new RuleViolationException(
                    kind == JobKind.IMPORT ? "schema_name is required" : "saved_query_name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new RuleViolationException("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (rows < 0) {
            throw new RuleViolationException("rows must not be negative");
        }
        if (workflowRunId != null && workflowRunId.length() > MAX_WORKFLOW_RUN_ID_LENGTH) {
            throw new RuleViolationException(
                    "workflow_run_id must be at most " + MAX_WORKFLOW_RUN_ID_LENGTH + " characters");
        }
        latestError = Texts.truncate(Texts.withoutNul(latestError), MAX_ERROR_LENGTH);
        if (status.isTerminal() != (finishedAt != null)) {
            throw new IllegalArgumentException("finishedAt is set exactly when the status is terminal");
        }
    }

    /** A new running import of schema {@code schemaName} of {@code sourceId}. */
    public static Job startImport(
            JobId id,
            ProjectId projectId,
            SourceId sourceId,
            String schemaName,
            boolean billable,
            String workflowRunId,
            Instant createdAt,
            Instant now) {
        requirePlain(schemaName, "schema_name", workflowRunId);
        return new Job(
                id,
                projectId,
                JobKind.IMPORT,
                sourceId,
                schemaName,
                JobStatus.RUNNING,
                0,
                billable,
                workflowRunId,
                null,
                createdAt,
                null,
                now);
    }

    /** A new running refresh of the materialized view {@code savedQueryName}; model jobs are never billed. */
    public static Job startModel(
            JobId id,
            ProjectId projectId,
            String savedQueryName,
            String workflowRunId,
            Instant createdAt,
            Instant now) {
        requirePlain(savedQueryName, "saved_query_name", workflowRunId);
        return new Job(
                id,
                projectId,
                JobKind.MODEL,
                null,
                savedQueryName,
                JobStatus.RUNNING,
                0,
                false,
                workflowRunId,
                null,
                createdAt,
                null,
                now);
    }

    /** A new job's name and workflow run id are identifiers: no control characters. */
    private static void requirePlain(String name, String nameField, String workflowRunId) {
        if (Texts.hasControlCharacter(name)) {
            throw new RuleViolationException(nameField + " must not contain control characters");
        }
        if (Texts.hasControlCharacter(workflowRunId)) {
            throw new RuleViolationException("workflow_run_id must not contain control characters");
        }
    }

    /** The absolute row count so far: never negative, never lower than before. */
    public Job reportRows(long newRows, Instant now) {
        requireRunning();
        if (newRows < 0) {
            throw new RuleViolationException("rows must not be negative");
        }
        if (newRows < rows) {
            throw new RuleViolationException("rows must not decrease (was " + rows + ", got " + newRows + ")");
        }
        return copy(status, newRows, latestError, finishedAt, now);
    }

    public Job recordError(String error, Instant now) {
        requireRunning();
        return copy(status, rows, error, finishedAt, now);
    }

    public Job heartbeat(Instant now) {
        requireRunning();
        return copy(status, rows, latestError, finishedAt, now);
    }

    /** Running → a terminal status, which sets {@code finishedAt}. */
    public Job finish(JobStatus terminal, Instant now) {
        requireRunning();
        if (!terminal.isTerminal()) {
            throw new RuleViolationException("status must be a terminal status");
        }
        return copy(terminal, rows, latestError, now, now);
    }

    public boolean isFinished() {
        return status.isTerminal();
    }

    /** The rows this job bills: all of them or none, as {@link BillableRows#bills} decides. */
    public long billableRows() {
        return BillableRows.bills(kind, status, billable) ? rows : 0;
    }

    /** The rows this job materialized: all of them or none, as {@link BillableRows#materializes} decides. */
    public long materializedRows() {
        return BillableRows.materializes(kind) ? rows : 0;
    }

    private void requireRunning() {
        if (status.isTerminal()) {
            throw new ConflictException("job is " + status.wireName() + " and can no longer change");
        }
    }

    private Job copy(JobStatus newStatus, long newRows, String error, Instant newFinishedAt, Instant heartbeat) {
        return new Job(
                id,
                projectId,
                kind,
                sourceId,
                name,
                newStatus,
                newRows,
                billable,
                workflowRunId,
                error,
                createdAt,
                newFinishedAt,
                heartbeat);
    }
}
