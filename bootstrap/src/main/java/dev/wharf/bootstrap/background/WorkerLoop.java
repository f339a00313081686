package dev.wharf.bootstrap.background;

import dev.wharf.application.logging.LogThrottle;
import dev.wharf.application.logging.OneLine;
import dev.wharf.application.port.in.provisioning.Provisioning;
import dev.wharf.application.port.in.webhook.WebhookDispatch;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a worker (the provisioning worker, the webhook delivery worker) on one background thread: a pass as soon as it is woken (a provision or deprovision
 * was accepted), again at once while there was work, otherwise when the next attempt the worker scheduled is due (a
 * poll of an engine still working) or after the idle interval, whichever comes first: so a poll interval shorter than
 * the idle interval is kept, and warehouses other instances scheduled are found within the idle interval. Stops with
 * the server: the pass under way ends after the warehouse in hand, whose lease is released, so the next start resumes
 * it at once.
 */
public final class WorkerLoop implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
    /** A failing pass (the metadata database down, say) is one line a minute, with the count left out. */
    private static final LogThrottle THROTTLE = new LogThrottle(Clock.systemUTC(), Duration.ofMinutes(1), 16);

    private final String name;
    private final ToIntFunction<BooleanSupplier> pass;
    private final Supplier<Optional<Instant>> nextAttempt;
    private final Duration idle;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** The provisioning worker's loop. */
    public WorkerLoop(Provisioning worker, Duration idle, Clock clock) {
        this("provisioning", worker::runOnce, worker::nextAttemptScheduled, idle, clock);
    }

    /** The webhook delivery worker's loop. */
    public WorkerLoop(WebhookDispatch worker, Duration idle, Clock clock) {
        this("webhook-delivery", worker::runOnce, worker::nextAttemptScheduled, idle, clock);
    }

    private WorkerLoop(
            String name,
            ToIntFunction<BooleanSupplier> pass,
            Supplier<Optional<Instant>> nextAttempt,
            Duration idle,
            Clock clock) {
        this.name = name;
        this.pass = pass;
        this.nextAttempt = nextAttempt;
        this.idle = idle;
        this.clock = clock;
    }

    public void wake() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "wharf-" + name + "-worker");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        wake.release();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    /** Until the next attempt the worker scheduled, or the idle interval, whichever is sooner. */
    long waitMillis() {
        long idleMillis = idle.toMillis();
        return nextAttempt
                .get()
                .map(next -> Math.max(
                        0,
                        Math.min(
                                idleMillis,
                                Duration.between(clock.instant(), next).toMillis())))
                .orElse(idleMillis);
    }

    private void loop() {
        while (running) {
            int worked = 0;
            try {
                worked = pass.applyAsInt(() -> running);
            } catch (RuntimeException e) {
                LogThrottle.Verdict verdict =
                        THROTTLE.admit(name + " " + e.getClass().getName(), null);
                if (verdict.log()) {
                    LOG.warn("The {} pass failed; retrying: {}", name, OneLine.of(e) + verdict.summary());
                }
            }
            if (worked == 0) {
                try {
                    wake.tryAcquire(waitMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
