package dev.wharf.application.fake;

import dev.wharf.application.port.out.activity.JobActivity;
import dev.wharf.application.port.out.activity.JobActivityQueries;
import dev.wharf.application.port.out.activity.JobStatsCount;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link JobActivityQueries} over an {@link InMemoryStore}'s jobs and sources. */
public final class InMemoryJobActivityQueries implements JobActivityQueries {
    /** The JDBI store's order: {@code ORDER BY created_at DESC, id DESC}. */
    private static final Comparator<Job> NEWEST_FIRST = Comparator.comparing(Job::createdAt)
            .thenComparing(j -> j.id().value(), InMemoryStore.UUID_ORDER)
            .reversed();

    private final InMemoryStore store;

    public InMemoryJobActivityQueries(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public List<JobActivity> activity(ProjectId projectId, ActivityFilter filter, int limit, int offset) {
        return store.read(t -> t.jobs.values().stream()
                .filter(j -> j.projectId().equals(projectId)
                        && !j.createdAt().isBefore(filter.cutoff())
                        && (j.kind() == JobKind.IMPORT ? filter.importStatuses() : filter.modelStatuses())
                                .contains(j.status()))
                .sorted(NEWEST_FIRST)
                .skip(Math.max(offset, 0))
                .limit(Math.max(limit, 0))
                .map(j -> {
                    Source source = j.sourceId() == null ? null : t.sources.get(j.sourceId());
                    return new JobActivity(
                            j.id(),
                            j.kind(),
                            source == null ? null : source.sourceType(),
                            j.name(),
                            j.status(),
                            j.rows(),
                            j.createdAt(),
                            j.finishedAt(),
                            j.latestError(),
                            j.workflowRunId(),
                            j.sourceId());
                })
                .toList());
    }

    @Override
    public List<JobStatsCount> statsCounts(ProjectId projectId, StatsWindow window) {
        Map<JobStatsCount, Long> groups = store.read(t -> t.jobs.values().stream()
                .filter(j -> j.projectId().equals(projectId) && counts(j, window.cutoff()))
                .collect(Collectors.groupingBy(
                        j -> new JobStatsCount(j.kind(), j.status(), bucket(j.createdAt(), window.bounds()), 1),
                        Collectors.counting())));
        return groups.entrySet().stream()
                .map(e -> new JobStatsCount(
                        e.getKey().kind(), e.getKey().status(), e.getKey().bucket(), e.getValue()))
                .toList();
    }

    private static int bucket(Instant createdAt, List<Instant> bounds) {
        for (int i = 0; i < bounds.size() - 1; i++) {
            if (!createdAt.isBefore(bounds.get(i)) && createdAt.isBefore(bounds.get(i + 1))) {
                return i;
            }
        }
        return JobStatsCount.NO_BUCKET;
    }

    private static boolean counts(Job job, Instant cutoff) {
        if (job.kind() == JobKind.MODEL) {
            return !job.createdAt().isBefore(cutoff);
        }
        return job.billable()
                && (job.finishedAt() != null
                        ? !job.finishedAt().isBefore(cutoff)
                        : job.status() == JobStatus.RUNNING && !job.createdAt().isBefore(cutoff));
    }
}
