package dev.wharf.adapters.out.jdbi.usage;

import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.domain.usage.RowCounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link UsageQueries} on Jdbi: plain SQL that H2 (PostgreSQL mode) and PostgreSQL both run unchanged.
 *
 * <p>When the only period with accounted jobs that overlaps the asked one is that period itself, its rows are its
 * sums (one row per source and one for models, kept as jobs change) plus the jobs accounted in no period, which an
 * index finds without reading the others: three statements whose cost follows the number of sources, not of jobs or
 * months. Otherwise (the billing period moved) every job of the period is read, which is slower and just as exact.
 * The total and the breakdown are added up from the same rows, so they always agree. Which rows those are is the
 * domain's rule, {@link dev.wharf.domain.job.BillableRows}: {@link UsageDao}'s SQL and the per-period sums restate it,
 * and {@code JdbiUsageSumsPropertiesTest} checks that what they sum agrees with it.
 *
 * <p>An answer is kept with the project's usage version (V8, {@link UsageVersion}) it was read at, and given again
 * while that version has not moved: one indexed read instead of three statements and a row per source.
 */
public final class JdbiUsageQueries implements UsageQueries {
    private final Jdbi jdbi;
    private final UsageAnswers answers = new UsageAnswers();

    public JdbiUsageQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public PeriodRows rowsInPeriod(ProjectId projectId, BillingPeriod period) {
        return jdbi.withHandle(handle -> rows(handle, projectId.value(), period));
    }

    @Override
    public long billableRowsOfOrganization(OrganizationId organizationId, BillingPeriod period) {
        return jdbi.withHandle(handle -> {
            long billable = 0;
            for (long project : handle.attach(UsageDao.class).projectsOf(organizationId.value())) {
                billable = RowCounts.add(billable, rows(handle, project, period).billableRows());
            }
            return billable;
        });
    }

    /**
     * The rows of the answer kept at the project's current usage version, or read now. Inside a transaction nothing
     * is kept or reused: the transaction may see its own changes, which a rollback would take back.
     */
    private PeriodRows rows(Handle handle, long project, BillingPeriod period) {
        if (handle.isInTransaction()) {
            return sums(handle.attach(UsageDao.class), project, period);
        }
        long version = UsageVersion.read(handle, project);
        return answers.find(project, period, version)
                .orElseGet(() ->
                        answers.keep(project, period, version, sums(handle.attach(UsageDao.class), project, period)));
    }

    private static PeriodRows sums(UsageDao dao, long project, BillingPeriod period) {
        List<PeriodSum> periods = dao.overlappingPeriods(project, period.start(), period.end());
        boolean accounted = periods.stream()
                .allMatch(p -> p.start().equals(period.start()) && p.end().equals(period.end()));
        Map<SourceId, Long> bySource = new HashMap<>();
        long billable = 0;
        long materialized = 0;
        List<RowSum> jobSums;
        if (accounted) {
            materialized = periods.isEmpty() ? 0 : periods.get(0).materializedRows();
            for (SourceSum sum : dao.sourceSums(project, period.start(), period.end())) {
                billable = RowCounts.add(billable, sum.rowSum());
                if (sum.live()) {
                    bySource.put(new SourceId(sum.sourceId()), sum.rowSum());
                }
            }
            jobSums = dao.unaccountedRows(project, period.start(), period.end());
        } else {
            for (UUID id : dao.liveSources(project)) {
                bySource.put(new SourceId(id), 0L);
            }
            jobSums = dao.allRows(project, period.start(), period.end());
        }
        for (RowSum sum : jobSums) {
            if ("model".equals(sum.kind())) {
                materialized = RowCounts.add(materialized, sum.rowSum());
            } else {
                billable = RowCounts.add(billable, sum.rowSum());
                bySource.computeIfPresent(
                        new SourceId(sum.sourceId()), (id, rows) -> RowCounts.add(rows, sum.rowSum()));
            }
        }
        return new PeriodRows(billable, materialized, bySource);
    }
}
