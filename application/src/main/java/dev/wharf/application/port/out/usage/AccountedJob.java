package dev.wharf.application.port.out.usage;

import dev.wharf.domain.job.Job;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.Optional;

/**
 * A new job with the billing period its rows are accounted in, when that period was known as the job was created.
 * A store may keep each period's sums as the jobs change, so that reading a period does not read its jobs; a job
 * without a period is counted by reading it.
 */
public record AccountedJob(Job job, Optional<BillingPeriod> period) {
    public AccountedJob {
        Require.nonNull(job, "job");
        Require.nonNull(period, "period");
        if (period.isPresent() && !period.get().contains(job.createdAt())) {
            throw new IllegalArgumentException("a job is accounted in the period its created_at falls in");
        }
    }

    public static AccountedJob in(Job job, BillingPeriod period) {
        return new AccountedJob(job, Optional.of(period));
    }

    public static AccountedJob unaccounted(Job job) {
        return new AccountedJob(job, Optional.empty());
    }
}
