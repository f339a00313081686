package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.application.port.out.activity.JobActivity;
import dev.wharf.application.port.out.activity.JobActivityQueries;
import dev.wharf.application.port.out.activity.JobStatsCount;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link JobActivityQueries} on Jdbi: plain SQL that H2 (PostgreSQL mode) and PostgreSQL both run unchanged.
 *
 * <p>Job statistics are counted in the database, grouped by kind, status and bucket, so the answer has at most
 * (buckets + 1) × kinds × statuses rows (about 400 for 30 days) however many jobs the window holds. The buckets are
 * hours or days in the project's time zone, and a zone's hours do not always start on a UTC hour (+05:30, +05:45, or
 * a day of 23 or 25 hours across a daylight-saving change), so grouping by a UTC hour or date would be wrong, and
 * converting to the zone in SQL would depend on each database's own time-zone data and functions. Instead the
 * application lays the bucket bounds out as instants ({@link StatsWindow}) and the query sorts each job into its
 * bucket with a CASE over those bounds ({@link StatsBuckets}): comparisons of instants, exact in every zone and the
 * same on both databases. Each branch of the query is served by an index that bounds its range to the window (the
 * finished imports by {@code warehouse_job_finished_idx}, migration V7).
 *
 * <p>The activity list, which every running_activity request reads, is a plain query rather than a SqlObject call:
 * Jdbi builds a SqlObject call's configuration anew on each call, which cost more than the query itself. Its statuses
 * are written into the statement, see {@link #literals}.
 */
public final class JdbiJobActivityQueries implements JobActivityQueries {
    private static final JobActivityRowMapper ACTIVITY_MAPPER = new JobActivityRowMapper();
    private static final String ACTIVITY_NAME = WharfJdbi.statementName(JdbiJobActivityQueries.class, "activity");
    private static final Map<JobStatus, String> LITERALS = literalsOfEachStatus();

    private final Jdbi jdbi;
    private final JobActivityDao dao;

    public JdbiJobActivityQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(JobActivityDao.class);
    }

    @Override
    public List<JobActivity> activity(ProjectId projectId, ActivityFilter filter, int limit, int offset) {
        Set<JobStatus> either = EnumSet.noneOf(JobStatus.class);
        either.addAll(filter.importStatuses());
        either.addAll(filter.modelStatuses());
        if (either.isEmpty() || limit <= 0) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(JobActivityDao.ACTIVITY)
                .define(WharfJdbi.STATEMENT_NAME, ACTIVITY_NAME)
                .bind("projectId", projectId.value())
                .define("statuses", literals(either))
                .define("importStatuses", literals(filter.importStatuses()))
                .define("modelStatuses", literals(filter.modelStatuses()))
                .bind("cutoff", filter.cutoff())
                .bind("limit", limit)
                .bind("offset", Math.max(offset, 0))
                .map(ACTIVITY_MAPPER)
                .list());
    }

    @Override
    public List<JobStatsCount> statsCounts(ProjectId projectId, StatsWindow window) {
        return dao.statsCounts(
                projectId.value(),
                window.cutoff(),
                StatsBuckets.caseExpression(window.bounds().size()),
                StatsBuckets.parameters(window.bounds()));
    }

    /**
     * The statuses as SQL string literals ({@code NULL}, which matches nothing, for none). They are written into the
     * statement rather than bound: with the statuses bound, PostgreSQL found every custom plan (which sees that few
     * jobs are running) cheaper than the generic one, and so planned the query anew on every execution, 0.3 ms of its
     * CPU per request; with them written in, it keeps the generic plan. Safe because they are {@link JobStatus}
     * names, never a caller's text, and the sets are few.
     */
    static String literals(Set<JobStatus> statuses) {
        if (statuses.isEmpty()) {
            return "NULL";
        }
        return statuses.stream().sorted().map(LITERALS::get).collect(Collectors.joining(", "));
    }

    /** Each status as a literal, checked once to be a plain word, so that quoting it is all it needs. */
    private static Map<JobStatus, String> literalsOfEachStatus() {
        Map<JobStatus, String> literals = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            String name = status.wireName();
            if (!name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new IllegalStateException("a job status that is not a plain word: " + name);
            }
            literals.put(status, "'" + name + "'");
        }
        return literals;
    }
}
