package dev.wharf.bootstrap.background;

import dev.wharf.application.logging.LogThrottle;
import dev.wharf.application.logging.OneLine;
import dev.wharf.application.port.in.job.FreshnessChecks;
import dev.wharf.application.port.in.job.StaleJobs;
import dev.wharf.application.port.out.metrics.Metrics;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails jobs without a heartbeat on one background thread, every interval, starting one interval after the server
 * starts. A failed pass is logged and retried at the next interval. Stops with the server.
 */
public final class StaleJobLoop implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(StaleJobLoop.class);
    /** A failing pass (the metadata database down, say) is one line a minute, with the count left out. */
    private static final LogThrottle THROTTLE = new LogThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 16);

    private final StaleJobs staleJobs;
    private final FreshnessChecks freshness;
    private final Duration interval;
    private final Metrics metrics;
    private ScheduledExecutorService executor;

    public StaleJobLoop(StaleJobs staleJobs, Duration interval, Metrics metrics) {
        this(staleJobs, () -> 0, interval, metrics);
    }

    /** Also runs the sources' freshness pass, after the stale jobs' (a job failed here counts in neither window). */
    public StaleJobLoop(StaleJobs staleJobs, FreshnessChecks freshness, Duration interval, Metrics metrics) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("jobs.staleCheckInterval must be positive");
        }
        this.staleJobs = staleJobs;
        this.freshness = freshness;
        this.interval = interval;
        this.metrics = metrics;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wharf-stale-jobs");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    }

    void pass() {
        try {
            int failed = staleJobs.failStaleJobs();
            metrics.staleJobsFailed(failed);
            if (failed > 0) {
                LOG.info("Failed {} job(s) without a heartbeat", failed);
            }
            freshness.tell();
        } catch (RuntimeException e) {
            LogThrottle.Verdict verdict = THROTTLE.admit(e.getClass().getName(), null);
            if (verdict.log()) {
                LOG.warn("Stale job pass failed; retrying at the next interval: {}", OneLine.of(e) + verdict.summary());
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
