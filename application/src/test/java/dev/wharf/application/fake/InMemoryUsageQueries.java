package dev.wharf.application.fake;

import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.domain.job.BillableRows;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.domain.usage.RowCounts;
import java.util.List;

/** {@link UsageQueries} over an {@link InMemoryStore}'s jobs and sources. */
public final class InMemoryUsageQueries implements UsageQueries {
    private final InMemoryStore store;

    public InMemoryUsageQueries(InMemoryStore store) {
        this.store = store;
    }

    /** The project's jobs summed by the domain's rule, {@link BillableRows}: this store keeps no copy of it. */
    @Override
    public PeriodRows rowsInPeriod(ProjectId projectId, BillingPeriod period) {
        return store.read(t -> {
            List<SourceId> liveSources = t.sources.values().stream()
                    .filter(source -> source.projectId().equals(projectId) && !source.isDeleted())
                    .map(Source::id)
                    .toList();
            List<Job> jobs = t.jobs.values().stream()
                    .filter(job -> job.projectId().equals(projectId))
                    .toList();
            BillableRows.Sums sums = BillableRows.sum(jobs, period, liveSources);
            return new PeriodRows(sums.billed(), sums.materialized(), sums.bySource());
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
