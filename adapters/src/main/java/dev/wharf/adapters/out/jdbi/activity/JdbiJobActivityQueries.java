package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.application.port.out.JobActivity;
import dev.wharf.application.port.out.JobActivityQueries;
import dev.wharf.application.port.out.JobStatsEntry;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link JobActivityQueries} on Jdbi: plain SQL that H2 (PostgreSQL mode) and PostgreSQL both run unchanged. */
public final class JdbiJobActivityQueries implements JobActivityQueries {
    private final JobActivityDao dao;

    public JdbiJobActivityQueries(Jdbi jdbi) {
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
        return dao.activity(
                projectId.value(),
                wireNames(either),
                wireNames(filter.importStatuses()),
                wireNames(filter.modelStatuses()),
                filter.cutoff(),
                limit,
                Math.max(offset, 0));
    }

    @Override
    public List<JobStatsEntry> statsEntries(ProjectId projectId, Instant cutoff) {
        return dao.statsEntries(projectId.value(), cutoff);
    }

    private static List<String> wireNames(Set<JobStatus> statuses) {
        return statuses.stream().sorted().map(JobStatus::wireName).toList();
    }
}
