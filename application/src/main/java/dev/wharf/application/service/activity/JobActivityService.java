package dev.wharf.application.service.activity;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.activity.ActivityLists;
import dev.wharf.application.port.in.activity.ActivityPage;
import dev.wharf.application.port.in.activity.ActivityQuery;
import dev.wharf.application.port.out.activity.JobActivity;
import dev.wharf.application.port.out.activity.JobActivityQueries;
import dev.wharf.application.port.out.activity.JobActivityQueries.ActivityFilter;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code running_activity} and {@code completed_activity} as PostHog's newest version answers them: {@code kind} is
 * checked first, then {@code outcome}, then the integers; {@code limit} is capped at 50 and, unlike PostHog, a limit
 * below 1 is refused; a negative offset is 0; the cutoff is {@code cutoff_days} days before now.
 */
public final class JobActivityService implements ActivityLists {
    public static final String INVALID_KIND = "Invalid kind parameter. Must be one of: all, import, model.";
    public static final String INVALID_OUTCOME = "Invalid outcome parameter. Must be one of: all, completed, failed.";
    public static final String INVALID_INTS = "Invalid limit, offset, or cutoff_days parameter";
    public static final int DEFAULT_CUTOFF_DAYS = 30;

    /** The range of cutoffs asked of a store, inside what PostgreSQL's and H2's timestamps hold. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static final Set<JobStatus> RUNNING = EnumSet.of(JobStatus.RUNNING);
    private static final Set<JobStatus> COMPLETED = EnumSet.of(JobStatus.COMPLETED);
    private static final Set<JobStatus> IMPORT_FAILED =
            EnumSet.of(JobStatus.FAILED, JobStatus.BILLING_LIMIT_REACHED, JobStatus.BILLING_LIMIT_TOO_LOW);
    private static final Set<JobStatus> MODEL_FAILED = EnumSet.of(JobStatus.FAILED);
    private static final Set<JobStatus> FINISHED = EnumSet.complementOf(EnumSet.of(JobStatus.RUNNING));

    private final ProjectAccess access;
    private final JobActivityQueries queries;
    private final Clock clock;

    public JobActivityService(ProjectAccess access, JobActivityQueries queries, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public ActivityPage running(ActivityQuery query) {
        access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ);
        String kind = kind(query.kind());
        Paging paging = Paging.parse(query.limit(), query.offset(), INVALID_INTS);
        int cutoffDays = Paging.integer(query.cutoffDays(), DEFAULT_CUTOFF_DAYS, INVALID_INTS);
        ActivityFilter filter = filter(kind, RUNNING, RUNNING, cutoffDays);
        return new ActivityPage(read(query, paging, filter), cutoffDays, null, null);
    }

    @Override
    public ActivityPage completed(ActivityQuery query) {
        access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ);
        String kind = kind(query.kind());
        String outcome = outcome(query.outcome());
        Paging paging = Paging.parse(query.limit(), query.offset(), INVALID_INTS);
        int cutoffDays = Paging.integer(query.cutoffDays(), DEFAULT_CUTOFF_DAYS, INVALID_INTS);
        ActivityFilter filter = switch (outcome) {
            case "failed" -> filter(kind, IMPORT_FAILED, MODEL_FAILED, cutoffDays);
            case "all" -> filter(kind, FINISHED, FINISHED, cutoffDays);
            default -> filter(kind, COMPLETED, COMPLETED, cutoffDays);
        };
        return new ActivityPage(read(query, paging, filter), cutoffDays, kind, outcome);
    }

    private Page<JobActivity> read(ActivityQuery query, Paging paging, ActivityFilter filter) {
        return paging.page(queries.activity(query.projectId(), filter, paging.fetch(), paging.offset()));
    }

    private ActivityFilter filter(String kind, Set<JobStatus> imports, Set<JobStatus> models, int cutoffDays) {
        return new ActivityFilter(
                kind.equals("model") ? Set.of() : imports,
                kind.equals("import") ? Set.of() : models,
                cutoff(clock.instant(), cutoffDays));
    }

    /** {@code cutoffDays} days before {@code now}, kept inside what the stores' timestamps hold. */
    private static Instant cutoff(Instant now, int cutoffDays) {
        Instant cutoff = now.minus(Duration.ofDays(cutoffDays));
        return cutoff.isBefore(EARLIEST) ? EARLIEST : cutoff.isAfter(LATEST) ? LATEST : cutoff;
    }

    private static String kind(String value) {
        String kind = value == null ? "all" : value;
        if (!kind.equals("all") && !kind.equals("import") && !kind.equals("model")) {
            throw new RuleViolationException(INVALID_KIND);
        }
        return kind;
    }

    private static String outcome(String value) {
        String outcome = value == null ? "completed" : value;
        if (!outcome.equals("completed") && !outcome.equals("failed") && !outcome.equals("all")) {
            throw new RuleViolationException(INVALID_OUTCOME);
        }
        return outcome;
    }
}
