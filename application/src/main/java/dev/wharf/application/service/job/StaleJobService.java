package dev.wharf.application.service.job;

import dev.wharf.application.port.in.job.StaleJobs;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.webhook.WebhookEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fails running jobs without a heartbeat for {@code timeout}, in batches. Each job is re-read under its row lock and
 * failed only if it is still running and still quiet, so a report that arrives meanwhile wins, and two processes
 * running this at once fail each job once.
 */
public final class StaleJobService implements StaleJobs {
    /** A pass stops after this many batches, so a store that keeps answering the same jobs cannot hold it forever. */
    static final int MAX_BATCHES = 100;

    private final TransactionRunner transactions;
    private final JobRepository jobs;
    private final Duration timeout;
    private final int batchSize;
    private final Clock clock;
    private final EventPublisher events;
    private final String message;

    public StaleJobService(
            TransactionRunner transactions,
            JobRepository jobs,
            Duration timeout,
            int batchSize,
            Clock clock,
            EventPublisher events) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the heartbeat timeout must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be positive");
        }
        this.transactions = transactions;
        this.jobs = jobs;
        this.timeout = timeout;
        this.batchSize = batchSize;
        this.clock = clock;
        this.events = events;
        this.message = "No heartbeat for " + describe(timeout);
    }

    @Override
    public int failStaleJobs() {
        int failed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant cutoff = clock.instant().minus(timeout);
            List<Job> stale = jobs.findRunningWithHeartbeatBefore(cutoff, batchSize);
            for (Job job : stale) {
                if (failIfStillStale(job, cutoff)) {
                    failed++;
                }
            }
            if (stale.size() < batchSize) {
                break;
            }
        }
        return failed;
    }

    private boolean failIfStillStale(Job candidate, Instant cutoff) {
        return transactions.inTransaction(() -> {
            Job job = jobs.findByIdForUpdate(candidate.projectId(), candidate.id())
                    .filter(j -> j.status() == JobStatus.RUNNING
                            && j.lastHeartbeatAt().isBefore(cutoff))
                    .orElse(null);
            if (job == null) {
                return false;
            }
            Instant now = clock.instant();
            Job failed = job.recordError(message, now).finish(JobStatus.FAILED, now);
            jobs.update(failed);
            events.publish(JobEvents.of(WebhookEventType.JOB_STALE, failed));
            return true;
        });
    }

    /** "30 minutes", "90 seconds": in minutes when it is whole minutes, as configured. */
    static String describe(Duration timeout) {
        long seconds = timeout.toSeconds();
        if (seconds > 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        if (seconds > 0 && timeout.toMillis() % 1000 == 0) {
            return plural(seconds, "second");
        }
        return plural(timeout.toMillis(), "millisecond");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
