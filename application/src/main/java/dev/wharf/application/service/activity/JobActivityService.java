package dev.wharf.application.service.activity;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.in.activity.ActivityLists;
import dev.wharf.application.port.in.activity.ActivityPage;
import dev.wharf.application.port.in.activity.ActivityQuery;
import dev.wharf.application.port.out.activity.JobActivity;
import dev.wharf.application.port.out.activity.JobActivityQueries;
import dev.wharf.application.port.out.activity.JobActivityQueries.ActivityFilter;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.RuleViolationException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code running_activity} and {@code completed_activity} as PostHog's newest version answers them: {@code kind} is
 * checked first, then {@code outcome}, then the integers; {@code limit} is capped at 50 and, unlike PostHog, a limit
 * below 1 is refused; a negative offset is 0; the cutoff is {@code cutoff_days} days before now.
 */
public final class JobActivityService implements ActivityLists {
    public static final String INVALID_KIND = "Invalid kind parameter. Must be one of: all, import, model.";
    public static final String INVALID_OUTCOME = "Invalid outcome parameter. Must be one of: all, completed, failed.";
    public static final String INVALID_INTS = "Invalid limit, offset, or cutoff_days parameter";
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_CUTOFF_DAYS = 30;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
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
        Paging paging = Paging.parse(query);
        return page(query, paging, filter(kind, RUNNING, RUNNING, paging), "");
    }

    @Override
    public ActivityPage completed(ActivityQuery query) {
        access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ);
        String kind = kind(query.kind());
        String outcome = outcome(query.outcome());
        Paging paging = Paging.parse(query);
        ActivityFilter filter = switch (outcome) {
            case "failed" -> filter(kind, IMPORT_FAILED, MODEL_FAILED, paging);
            case "all" -> filter(kind, FINISHED, FINISHED, paging);
            default -> filter(kind, COMPLETED, COMPLETED, paging);
        };
        return page(query, paging, filter, "&outcome=" + outcome + "&kind=" + kind);
    }

    private ActivityPage page(ActivityQuery query, Paging paging, ActivityFilter filter, String linkSuffix) {
        List<JobActivity> rows = queries.activity(query.projectId(), filter, paging.limit() + 1, paging.offset());
        boolean more = rows.size() > paging.limit();
        String next = more ? paging.link(paging.offset() + paging.limit()) + linkSuffix : null;
        String previous =
                paging.offset() > 0 ? paging.link(Math.max(0, paging.offset() - paging.limit())) + linkSuffix : null;
        return new ActivityPage(more ? rows.subList(0, paging.limit()) : rows, next, previous);
    }

    private ActivityFilter filter(String kind, Set<JobStatus> imports, Set<JobStatus> models, Paging paging) {
        return new ActivityFilter(
                kind.equals("model") ? Set.of() : imports,
                kind.equals("import") ? Set.of() : models,
                paging.cutoff(clock.instant()));
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

    /** The parsed integers: limit in 1..50, offset at least 0, cutoff_days as given (within int). */
    private record Paging(int limit, int offset, int cutoffDays) {
        static Paging parse(ActivityQuery query) {
            int limit = Math.min(integer(query.limit(), DEFAULT_LIMIT), MAX_LIMIT);
            int offset = Math.max(integer(query.offset(), 0), 0);
            int cutoffDays = integer(query.cutoffDays(), DEFAULT_CUTOFF_DAYS);
            if (limit < 1) {
                throw new RuleViolationException(INVALID_INTS);
            }
            return new Paging(limit, Math.min(offset, Integer.MAX_VALUE - MAX_LIMIT), cutoffDays);
        }

        Instant cutoff(Instant now) {
            Instant cutoff = now.minus(Duration.ofDays(cutoffDays));
            return cutoff.isBefore(EARLIEST) ? EARLIEST : cutoff.isAfter(LATEST) ? LATEST : cutoff;
        }

        String link(int pageOffset) {
            return "?limit=" + limit + "&offset=" + pageOffset + "&cutoff_days=" + cutoffDays;
        }

        /** An integer as Python's {@code int()} reads one; values beyond an int are clamped, as they mean the same. */
        private static int integer(String value, int absent) {
            if (value == null) {
                return absent;
            }
            String text = value.strip();
            if (!INTEGER.matcher(text).matches()) {
                throw new RuleViolationException(INVALID_INTS);
            }
            BigInteger parsed = new BigInteger(text);
            return parsed.max(BigInteger.valueOf(Integer.MIN_VALUE))
                    .min(BigInteger.valueOf(Integer.MAX_VALUE))
                    .intValueExact();
        }
    }
}
