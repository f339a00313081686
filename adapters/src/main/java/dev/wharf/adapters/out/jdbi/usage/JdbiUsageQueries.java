package dev.wharf.adapters.out.jdbi.usage;

import dev.wharf.application.port.out.UsageQueries;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link UsageQueries} on Jdbi: plain SQL that H2 (PostgreSQL mode) and PostgreSQL both run unchanged. */
public final class JdbiUsageQueries implements UsageQueries {
    private final Jdbi jdbi;

    public JdbiUsageQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public PeriodRows rowsInPeriod(ProjectId projectId, BillingPeriod period) {
        return jdbi.withHandle(handle -> {
            UsageDao dao = handle.attach(UsageDao.class);
            List<RowSum> sums = dao.rowSums(projectId.value(), period.start(), period.end());
            Map<SourceId, Long> bySource = new HashMap<>();
            for (UUID id : dao.liveSources(projectId.value())) {
                bySource.put(new SourceId(id), 0L);
            }
            long billable = 0;
            long materialized = 0;
            for (RowSum sum : sums) {
                if ("model".equals(sum.kind())) {
                    materialized += sum.rowSum();
                } else {
                    billable += sum.rowSum();
                    bySource.computeIfPresent(new SourceId(sum.sourceId()), (id, rows) -> rows + sum.rowSum());
                }
            }
            return new PeriodRows(billable, materialized, bySource);
        });
    }
}
