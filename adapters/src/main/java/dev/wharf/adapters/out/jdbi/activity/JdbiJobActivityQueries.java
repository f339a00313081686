package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.application.port.out.JobActivity;
import dev.wharf.application.port.out.JobActivityQueries;
import dev.wharf.application.port.out.JobStatsCount;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.EmptyHandling;

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
 * Jdbi builds a SqlObject call's configuration anew on each call, which cost more than the query itself.
 */
public final class JdbiJobActivityQueries implements JobActivityQueries {
    private static final JobActivityRowMapper ACTIVITY_MAPPER = new JobActivityRowMapper();
    private static final String ACTIVITY_NAME = WharfJdbi.statementName(JdbiJobActivityQueries.class, "activity");

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
                .bindList(EmptyHandling.NULL_KEYWORD, "statuses", wireNames(either))
                .bindList(EmptyHandling.NULL_KEYWORD, "importStatuses", wireNames(filter.importStatuses()))
                .bindList(EmptyHandling.NULL_KEYWORD, "modelStatuses", wireNames(filter.modelStatuses()))
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

    private static List<String> wireNames(Set<JobStatus> statuses) {
        return statuses.stream().sorted().map(JobStatus::wireName).toList();
    }
}
