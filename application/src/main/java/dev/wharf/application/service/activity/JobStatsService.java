package dev.wharf.application.service.activity;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.port.in.activity.JobStatistics;
import dev.wharf.application.port.in.activity.JobStats;
import dev.wharf.application.port.in.activity.JobStats.BucketCounts;
import dev.wharf.application.port.in.activity.JobStats.KindCounts;
import dev.wharf.application.port.in.activity.JobStatsQuery;
import dev.wharf.application.port.out.activity.JobActivityQueries;
import dev.wharf.application.port.out.activity.JobActivityQueries.StatsWindow;
import dev.wharf.application.port.out.activity.JobStatsCount;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code job_stats} as PostHog's newest version answers it. Imports count when billable and finished since the cutoff
 * (running: billable and created since the cutoff); models count when created since the cutoff. Failed imports are
 * Failed, BillingLimitReached and BillingLimitTooLow; failed models are Failed. Buckets group jobs by creation time
 * in the project's time zone; a job created before the oldest bucket counts in the totals only.
 *
 * <p>The store counts: this service lays the buckets out in the project's zone as instants and gets back one count per
 * kind, status and bucket ({@link JobActivityQueries#statsCounts}), so the work here is bounded by the number of
 * buckets whatever the number of jobs.
 */
public final class JobStatsService implements JobStatistics {
    public static final String NOT_AN_INTEGER = "Invalid days parameter";
    public static final String INVALID_DAYS = "Invalid days parameter. Must be 1, 7, or 30.";
    public static final int DEFAULT_DAYS = 7;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Set<String> DAYS = Set.of("1", "7", "30");
    private static final Set<JobStatus> IMPORT_FAILED =
            Set.of(JobStatus.FAILED, JobStatus.BILLING_LIMIT_REACHED, JobStatus.BILLING_LIMIT_TOO_LOW);
    /** Python's {@code isoformat()} of an hour start with its offset: {@code 2026-03-14T09:00:00+00:00}. */
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private static final int SUCCESSFUL = 0;
    private static final int FAILED = 1;

    private final ProjectAccess access;
    private final JobActivityQueries queries;
    private final Clock clock;

    public JobStatsService(ProjectAccess access, JobActivityQueries queries, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public JobStats stats(JobStatsQuery query) {
        Project project = access.require(query.actor(), query.projectId(), Scope.WAREHOUSE_VIEW_READ);
        int days = days(query.days());
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(days));
        List<ZonedDateTime> bounds = bounds(days, now, project.timeZone());
        StatsWindow window = new StatsWindow(
                cutoff, bounds.stream().map(ZonedDateTime::toInstant).toList());
        long[] imports = new long[4];
        long[] models = new long[4];
        long[][] buckets = new long[window.buckets()][2];
        for (JobStatsCount count : queries.statsCounts(project.id(), window)) {
            boolean isImport = count.kind() == JobKind.IMPORT;
            long[] counts = isImport ? imports : models;
            long jobs = count.jobs();
            if (count.status() == JobStatus.RUNNING) {
                counts[1] += jobs;
                if (isImport) {
                    continue;
                }
            }
            counts[0] += jobs;
            int outcome = outcome(count.kind(), count.status());
            if (outcome >= 0) {
                counts[2 + outcome] += jobs;
                if (count.bucket() != JobStatsCount.NO_BUCKET) {
                    buckets[count.bucket()][outcome] += jobs;
                }
            }
        }
        Map<String, BucketCounts> breakdown = new LinkedHashMap<>();
        for (int i = buckets.length - 1; i >= 0; i--) {
            breakdown.put(key(days, bounds.get(i)), new BucketCounts(buckets[i][SUCCESSFUL], buckets[i][FAILED]));
        }
        return new JobStats(days, cutoff, counts(imports), counts(models), breakdown);
    }

    /** {@link #SUCCESSFUL}, {@link #FAILED}, or -1 for a job that is neither (running, or a cancelled model). */
    private static int outcome(JobKind kind, JobStatus status) {
        if (status == JobStatus.COMPLETED) {
            return SUCCESSFUL;
        }
        boolean failed = kind == JobKind.IMPORT ? IMPORT_FAILED.contains(status) : status == JobStatus.FAILED;
        return failed ? FAILED : -1;
    }

    private static KindCounts counts(long[] counts) {
        return new KindCounts(counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * The buckets' bounds, oldest first, each bucket ending where the next starts: the last 24 hour starts and the
     * next one for one day, else the starts of the last {@code days} dates and of tomorrow. Hours are laid out on the
     * time line from the current hour's start in the zone, so a zone with a +05:30 or +05:45 offset has its hours
     * start at :30 or :15 UTC, and a day's bounds are its start in the zone, whatever its length.
     */
    private static List<ZonedDateTime> bounds(int days, Instant now, ZoneId zone) {
        List<ZonedDateTime> bounds = new ArrayList<>();
        if (days == 1) {
            ZonedDateTime hour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
            for (int i = 23; i >= -1; i--) {
                bounds.add(hour.minusHours(i));
            }
        } else {
            LocalDate today = LocalDate.ofInstant(now, zone);
            for (int i = days - 1; i >= -1; i--) {
                bounds.add(today.minusDays(i).atStartOfDay(zone));
            }
        }
        return bounds;
    }

    private static String key(int days, ZonedDateTime start) {
        return days == 1 ? HOUR.format(start) : start.toLocalDate().toString();
    }

    private static int days(String value) {
        if (value == null) {
            return DEFAULT_DAYS;
        }
        String text = value.strip();
        if (!INTEGER.matcher(text).matches()) {
            throw new RuleViolationException(NOT_AN_INTEGER);
        }
        String normalized = text.replaceFirst("^\\+", "").replaceFirst("^0+(?=[0-9])", "");
        if (!DAYS.contains(normalized)) {
            throw new RuleViolationException(INVALID_DAYS);
        }
        return Integer.parseInt(normalized);
    }
}
