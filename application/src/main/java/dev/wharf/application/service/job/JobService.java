package dev.wharf.application.service.job;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.logging.LogThrottle;
import dev.wharf.application.logging.OneLine;
import dev.wharf.application.port.in.job.JobQuery;
import dev.wharf.application.port.in.job.JobReporting;
import dev.wharf.application.port.in.job.JobView;
import dev.wharf.application.port.in.job.ReportJobCommand;
import dev.wharf.application.port.in.job.StartJobCommand;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.webhook.WebhookEvent;
import dev.wharf.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The job reporting API for pipeline workers: a job starts running, reports rows, errors and heartbeats, and ends in
 * a terminal status. Reports of one job are serialized by its row lock.
 */
public final class JobService implements JobReporting {
    public static final String NOT_FOUND = "job not found";
    public static final String UNKNOWN_SOURCE = "source_id does not name a source of this project";
    static final String TERMINAL = Arrays.stream(JobStatus.values())
            .filter(JobStatus::isTerminal)
            .map(JobStatus::wireName)
            .collect(Collectors.joining(", "));

    /** A reader may read a job, and so may the pipeline worker that reports it (it reads back what it wrote). */
    static final List<Scope> READ_JOB = List.of(Scope.WAREHOUSE_VIEW_READ, Scope.WAREHOUSE_JOBS_WRITE);

    /**
     * The earliest created_at taken: timestamps are written with four-digit years, and PostgreSQL refuses years far
     * before it (a late report of a job from year -999999999 was a 500 there, and a 201 with an undocumented date on H2).
     */
    static final Instant EARLIEST_CREATED_AT = Instant.parse("0001-01-01T00:00:00Z");

    private static final System.Logger LOG = System.getLogger(JobService.class.getName());
    /** Billing down is one line a minute however many jobs start, with the count left out. */
    private static final LogThrottle BILLING_DOWN = new LogThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 16);

    private final ProjectAccess access;
    private final TransactionRunner transactions;
    private final SourceRepository sources;
    private final JobRepository jobs;
    private final BillingSource billing;
    private final UsageQueries usage;
    private final Clock clock;
    private final Metrics metrics;
    private final EventPublisher events;

    public JobService(
            ProjectAccess access,
            TransactionRunner transactions,
            SourceRepository sources,
            JobRepository jobs,
            BillingSource billing,
            UsageQueries usage,
            Clock clock,
            Metrics metrics,
            EventPublisher events) {
        this.access = access;
        this.transactions = transactions;
        this.sources = sources;
        this.jobs = jobs;
        this.billing = billing;
        this.usage = usage;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * Starts a job, accounted in the organization's current billing period when its created_at falls in it. A
     * billable import whose organization has reached its row limit for the period is stored as already finished,
     * {@code BillingLimitReached}, so the worker knows not to run it. When billing cannot be asked, the job starts
     * anyway (unaccounted, and unchecked against a limit): a billing outage does not stop the pipelines.
     */
    @Override
    public JobView start(StartJobCommand c) {
        Project project = access.require(c.actor(), c.projectId(), Scope.WAREHOUSE_JOBS_WRITE);
        if (c.kind() == null) {
            throw new RuleViolationException("kind is required (import or model)");
        }
        JobKind kind = JobKind.fromWireName(c.kind());
        Instant now = clock.instant();
        Instant createdAt = createdAt(c.createdAt(), now);
        if (kind == JobKind.MODEL) {
            refuse(c.sourceId(), "source_id", kind);
            refuse(c.schemaName(), "schema_name", kind);
            refuse(c.billable(), "billable", kind);
            Job job = Job.startModel(
                    JobId.random(), c.projectId(), c.savedQueryName(), c.workflowRunId(), createdAt, now);
            jobs.insert(new AccountedJob(
                    job, currentBilling(project).map(Billing::period).filter(p -> p.contains(createdAt))));
            return new JobView(job, JobView.MODEL_TYPE);
        }
        refuse(c.savedQueryName(), "saved_query_name", kind);
        if (c.sourceId() == null) {
            throw new RuleViolationException("source_id is required for an import job");
        }
        SourceId sourceId = SourceService.parse(c.sourceId())
                .orElseThrow(() -> new RuleViolationException("source_id must be a UUID"));
        boolean billable = c.billable() == null || c.billable();
        Optional<Billing> current = currentBilling(project);
        boolean limitReached =
                billable && current.map(b -> limitReached(project, b)).orElse(false);
        return transactions.inTransaction(() -> {
            Source source = sources.findById(c.projectId(), sourceId)
                    .filter(s -> !s.isDeleted())
                    .orElseThrow(() -> new RuleViolationException(UNKNOWN_SOURCE));
            Job job = Job.startImport(
                    JobId.random(),
                    c.projectId(),
                    sourceId,
                    c.schemaName(),
                    billable,
                    c.workflowRunId(),
                    createdAt,
                    now);
            if (limitReached) {
                job = job.finish(JobStatus.BILLING_LIMIT_REACHED, now);
                tellRowLimit(project, current.orElseThrow(), now);
            }
            jobs.insert(new AccountedJob(job, current.map(Billing::period).filter(p -> p.contains(createdAt))));
            return new JobView(job, source.sourceType());
        });
    }

    @Override
    public JobView report(ReportJobCommand c) {
        access.require(c.actor(), c.projectId(), Scope.WAREHOUSE_JOBS_WRITE);
        JobId id = jobId(c.jobId());
        JobStatus status = c.status() == null ? null : terminalStatus(c.status());
        Change change = transactions.inTransaction(() -> {
            Job job = jobs.findByIdForUpdate(c.projectId(), id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
            Instant now = clock.instant();
            Job next = job.heartbeat(now);
            if (c.rows() != null) {
                next = next.reportRows(c.rows(), now);
            }
            if (c.latestError().present()) {
                next = next.recordError(c.latestError().value(), now);
            }
            if (status != null) {
                next = next.finish(status, now);
            }
            jobs.update(next);
            if (next.status() == JobStatus.COMPLETED
                    && job.status() != JobStatus.COMPLETED
                    && next.sourceId() != null) {
                Instant syncedAt = next.finishedAt();
                sources.findByIdForUpdate(c.projectId(), next.sourceId())
                        .ifPresent(source -> sources.saveFreshness(source.synced(syncedAt)));
            }
            if (next.status() == JobStatus.FAILED && job.status() != JobStatus.FAILED) {
                events.publish(JobEvents.of(WebhookEventType.JOB_FAILED, next));
            }
            return new Change(job, view(next));
        });
        long added = change.after().job().rows() - change.before().rows();
        if (added > 0) {
            metrics.rowsReported(change.before().kind(), added);
        }
        return change.after();
    }

    /** A job before a report, and what the report answers, as committed. */
    private record Change(Job before, JobView after) {}

    @Override
    public JobView get(JobQuery query) {
        access.requireAny(query.actor(), query.projectId(), READ_JOB);
        JobId id = jobId(query.jobId());
        return view(jobs.findById(query.projectId(), id).orElseThrow(() -> new NotFoundException(NOT_FOUND)));
    }

    private Optional<Billing> currentBilling(Project project) {
        try {
            return billing.billingFor(project.organizationId());
        } catch (RuntimeException e) {
            LogThrottle.Verdict verdict = BILLING_DOWN.admit(e.getClass().getName(), null);
            if (verdict.log()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "billing could not be asked for organization "
                                + project.organizationId().value()
                                + "; the job starts unaccounted and unchecked against a row limit: " + OneLine.of(e)
                                + verdict.summary());
            }
            return Optional.empty();
        }
    }

    /** {@code usage.row_limit_reached}, once per project and billing period, with the job that found it reached. */
    private void tellRowLimit(Project project, Billing current, Instant now) {
        events.publishOnce(
                WebhookEvent.of(
                        project.id(),
                        WebhookEventType.USAGE_ROW_LIMIT_REACHED,
                        now,
                        "billing_period_start",
                        current.period().start(),
                        "billing_period_end",
                        current.period().end(),
                        "row_limit",
                        current.rowLimit().getAsLong()),
                "row_limit_reached:" + current.period().start());
    }

    private boolean limitReached(Project project, Billing current) {
        if (current.rowLimit().isEmpty()) {
            return false;
        }
        long used = usage.billableRowsOfOrganization(project.organizationId(), current.period());
        return used >= current.rowLimit().getAsLong();
    }

    private JobView view(Job job) {
        if (job.kind() == JobKind.MODEL) {
            return new JobView(job, JobView.MODEL_TYPE);
        }
        return new JobView(job, sourceType(job.projectId(), job.sourceId()));
    }

    private String sourceType(ProjectId project, SourceId source) {
        return sources.findById(project, source).map(Source::sourceType).orElse(null);
    }

    private Instant createdAt(String value, Instant now) {
        if (value == null) {
            return now;
        }
        Instant createdAt;
        try {
            createdAt = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("created_at must be an ISO-8601 timestamp with an offset, such as "
                    + "2026-03-14T09:26:53.589793Z");
        }
        if (createdAt.isAfter(now)) {
            throw new RuleViolationException("created_at must not be in the future");
        }
        if (createdAt.isBefore(EARLIEST_CREATED_AT)) {
            throw new RuleViolationException("created_at must not be before " + EARLIEST_CREATED_AT);
        }
        return createdAt;
    }

    private static JobStatus terminalStatus(String value) {
        for (JobStatus status : JobStatus.values()) {
            if (status.isTerminal() && status.wireName().equals(value)) {
                return status;
            }
        }
        throw new RuleViolationException("status must be one of " + TERMINAL);
    }

    private static JobId jobId(String value) {
        try {
            UUID uuid = value == null ? null : UUID.fromString(value);
            if (uuid == null || !uuid.toString().equalsIgnoreCase(value)) {
                throw new NotFoundException(NOT_FOUND);
            }
            return new JobId(uuid);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(NOT_FOUND);
        }
    }

    private static void refuse(Object value, String field, JobKind kind) {
        if (value != null) {
            throw new RuleViolationException(field + " is not allowed for a " + kind.wireName() + " job");
        }
    }
}
