package dev.wharf.application.fake;

import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.domain.usage.RowCounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link UsageQueries} over an {@link InMemoryStore}'s jobs and sources. */
public final class InMemoryUsageQueries implements UsageQueries {
    private final InMemoryStore store;

    public InMemoryUsageQueries(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public PeriodRows rowsInPeriod(ProjectId projectId, BillingPeriod period) {
        return store.read(t -> {
            Map<SourceId, Long> bySource = new HashMap<>();
            for (Source source : t.sources.values()) {
                if (source.projectId().equals(projectId) && !source.isDeleted()) {
                    bySource.put(source.id(), 0L);
                }
            }
            long billable = 0;
            long materialized = 0;
            for (Job job : t.jobs.values()) {
                if (!job.projectId().equals(projectId) || !period.contains(job.createdAt())) {
                    continue;
                }
                if (job.kind() == JobKind.MODEL) {
                    materialized = RowCounts.add(materialized, job.rows());
                } else if (job.billable() && job.status() != JobStatus.FAILED) {
                    billable = RowCounts.add(billable, job.rows());
                    bySource.computeIfPresent(job.sourceId(), (id, rows) -> RowCounts.add(rows, job.rows()));
                }
            }
            return new PeriodRows(billable, materialized, bySource);
        });
    }

    @Override
    public long billableRowsOfOrganization(OrganizationId organizationId, BillingPeriod period) {
        List<ProjectId> projects = store.read(t -> t.projects.values().stream()
                .filter(p -> p.organizationId().equals(organizationId))
                .map(Project::id)
                .toList());
        return projects.stream()
                .mapToLong(p -> rowsInPeriod(p, period).billableRows())
                .reduce(0, RowCounts::add);
    }
}
