package dev.wharf.adapters.out.jdbi.usage;

import dev.wharf.application.port.out.UsageQueries;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.domain.usage.RowCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link UsageQueries} on Jdbi: plain SQL that H2 (PostgreSQL mode) and PostgreSQL both run unchanged.
 *
 * <p>When no job is accounted in a period that overlaps the asked one without being it, the period's rows are its
 * sums (one row per source and one for models, kept as jobs change) plus the jobs accounted in no period, which an
 * index finds without reading the others: the cost follows the number of sources, not of jobs or months. Otherwise
 * (the billing period moved) every job of the period is read, which is slower and just as exact. The total and the
 * breakdown are added up from the same rows, so they always agree.
 */
public final class JdbiUsageQueries implements UsageQueries {
    private final Jdbi jdbi;

    public JdbiUsageQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public PeriodRows rowsInPeriod(ProjectId projectId, BillingPeriod period) {
        return jdbi.withHandle(handle -> {
            UsageDao dao = handle.attach(UsageDao.class);
            Map<SourceId, Long> bySource = new HashMap<>();
            for (UUID id : dao.liveSources(projectId.value())) {
                bySource.put(new SourceId(id), 0L);
            }
            long billable = 0;
            long materialized = 0;
            for (RowSum sum : sums(dao, projectId.value(), period)) {
                if ("model".equals(sum.kind())) {
                    materialized = RowCounts.add(materialized, sum.rowSum());
                } else {
                    billable = RowCounts.add(billable, sum.rowSum());
                    bySource.computeIfPresent(
                            new SourceId(sum.sourceId()), (id, rows) -> RowCounts.add(rows, sum.rowSum()));
                }
            }
            return new PeriodRows(billable, materialized, bySource);
        });
    }

    @Override
    public long billableRowsOfOrganization(OrganizationId organizationId, BillingPeriod period) {
        return jdbi.withHandle(handle -> {
            UsageDao dao = handle.attach(UsageDao.class);
            long billable = 0;
            for (long project : dao.projectsOf(organizationId.value())) {
                for (RowSum sum : sums(dao, project, period)) {
                    billable = RowCounts.add(billable, "model".equals(sum.kind()) ? 0 : sum.rowSum());
                }
            }
            return billable;
        });
    }

    private static List<RowSum> sums(UsageDao dao, long project, BillingPeriod period) {
        Instant start = period.start();
        Instant end = period.end();
        if (dao.otherOverlappingPeriods(project, start, end) > 0) {
            return dao.allRows(project, start, end);
        }
        List<RowSum> sums = new ArrayList<>(dao.accountedSourceRows(project, start, end));
        sums.addAll(dao.accountedModelRows(project, start, end));
        sums.addAll(dao.unaccountedRows(project, start, end));
        return sums;
    }
}
