package dev.wharf.application.service;

import dev.wharf.application.port.in.activity.GetJobStatsUseCase;
import dev.wharf.application.port.in.activity.JobStats;
import dev.wharf.application.port.in.activity.JobStats.BucketCounts;
import dev.wharf.application.port.in.activity.JobStats.KindCounts;
import dev.wharf.application.port.in.activity.JobStatsQuery;
import dev.wharf.application.port.out.JobActivityQueries;
import dev.wharf.application.port.out.JobStatsEntry;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code job_stats} as PostHog's newest version answers it. Imports count when billable and finished since the cutoff
 * (running: billable and created since the cutoff); models count when created since the cutoff. Failed imports are
 * Failed, BillingLimitReached and BillingLimitTooLow; failed models are Failed. Buckets group jobs by creation time
 * in the project's time zone; a job created before the oldest bucket counts in the totals only.
 */
public final class JobStatsService implements GetJobStatsUseCase {
    public static final String NOT_AN_INTEGER = "Invalid days parameter";
    public static final String INVALID_DAYS = "Invalid days parameter. Must be 1, 7, or 30.";
    public static final int DEFAULT_DAYS = 7;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Set<String> DAYS = Set.of("1", "7", "30");
    private static final Set<JobStatus> IMPORT_FAILED =
            Set.of(JobStatus.FAILED, JobStatus.BILLING_LIMIT_REACHED, JobStatus.BILLING_LIMIT_TOO_LOW);
    /** Python's {@code isoformat()} of an hour start with its offset: {@code 2026-03-14T09:00:00+00:00}. */
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

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
        ZoneId zone = project.timeZone();
        Map<String, long[]> buckets = buckets(days, now, zone);
        long[] imports = new long[4];
        long[] models = new long[4];
        for (JobStatsEntry entry : queries.statsEntries(project.id(), cutoff)) {
            boolean isImport = entry.kind() == JobKind.IMPORT;
            long[] counts = isImport ? imports : models;
            if (entry.status() == JobStatus.RUNNING) {
                counts[1]++;
                if (isImport) {
                    continue;
                }
            }
            counts[0]++;
            long[] bucket = buckets.get(key(days, entry.createdAt(), zone));
            if (entry.status() == JobStatus.COMPLETED) {
                counts[2]++;
                if (bucket != null) {
                    bucket[0]++;
                }
            } else if (isImport ? IMPORT_FAILED.contains(entry.status()) : entry.status() == JobStatus.FAILED) {
                counts[3]++;
                if (bucket != null) {
                    bucket[1]++;
                }
            }
        }
        Map<String, BucketCounts> breakdown = new LinkedHashMap<>();
        buckets.forEach((key, counts) -> breakdown.put(key, new BucketCounts(counts[0], counts[1])));
        return new JobStats(days, cutoff, counts(imports), counts(models), breakdown);
    }

    private static KindCounts counts(long[] counts) {
        return new KindCounts(counts[0], counts[1], counts[2], counts[3]);
    }

    /** Every bucket, newest first: the last 24 hour starts for one day, else the last {@code days} dates. */
    private static Map<String, long[]> buckets(int days, Instant now, ZoneId zone) {
        Map<String, long[]> buckets = new LinkedHashMap<>();
        if (days == 1) {
            ZonedDateTime hour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS);
            for (int i = 0; i < 24; i++) {
                buckets.put(HOUR.format(hour.minusHours(i)), new long[2]);
            }
        } else {
            LocalDate today = LocalDate.ofInstant(now, zone);
            for (int i = 0; i < days; i++) {
                buckets.put(today.minusDays(i).toString(), new long[2]);
            }
        }
        return buckets;
    }

    private static String key(int days, Instant createdAt, ZoneId zone) {
        return days == 1
                ? HOUR.format(createdAt.atZone(zone).truncatedTo(ChronoUnit.HOURS))
                : LocalDate.ofInstant(createdAt, zone).toString();
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
