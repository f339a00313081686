package dev.wharf.bootstrap.background;

import dev.wharf.application.port.out.warehouse.WarehouseEvents;
import dev.wharf.application.service.provisioning.WarehouseCheckService;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the ready warehouses against the engine (see {@link WarehouseCheckService}) at start and then every interval,
 * on a background thread. Each warehouse found lost is one log line, once. An engine that cannot answer is one line
 * when it starts failing and one when it answers again, with the number of passes it missed, not a line per pass.
 */
public final class WarehouseCheckLoop implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseCheckLoop.class);

    private final WarehouseCheckService check;
    private final WarehouseEvents events;
    private final Duration interval;
    private volatile boolean started;
    private final ReentrantLock running = new ReentrantLock();
    private Thread thread;
    private int failedPasses;
    private volatile Boolean lastPassAnswered;
    private volatile String lastProblem = "";

    public WarehouseCheckLoop(WarehouseCheckService check, WarehouseEvents events, Duration interval) {
        this.check = check;
        this.events = events;
        this.interval = interval;
    }

    @Override
    public void start() {
        started = true;
        thread = new Thread(this::loop, "wharf-warehouse-check");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        started = false;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** Whether the last pass could ask the engine about every ready warehouse; null before the first pass ended. */
    public Boolean lastPassAnswered() {
        return lastPassAnswered;
    }

    private void loop() {
        while (started) {
            pass();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** What the last pass that could not ask the engine was told. */
    public String lastProblem() {
        return lastProblem;
    }

    /** One pass over the ready warehouses, unless one is under way (then its outcome will do). */
    public void pass() {
        if (!running.tryLock()) {
            return;
        }
        try {
            WarehouseCheckService.Checked checked = check.checkReady();
            checked.failed().forEach(events::failed);
            if (checked.allAnswered()) {
                answered();
            } else {
                unanswered(checked.firstProblem());
            }
        } catch (RuntimeException e) {
            unanswered(e.getMessage());
        } finally {
            running.unlock();
        }
    }

    private void answered() {
        if (failedPasses > 0) {
            LOG.info("The check of ready warehouses works again, after {} failed pass(es)", failedPasses);
        }
        failedPasses = 0;
        lastPassAnswered = true;
    }

    private void unanswered(String problem) {
        lastProblem = String.valueOf(problem).replaceAll("\\s*\\R\\s*", " / ");
        if (failedPasses++ == 0) {
            LOG.warn(
                    "The check of ready warehouses cannot ask the engine; retrying every {} s (said once): {}",
                    interval.toSeconds(),
                    lastProblem);
        }
        lastPassAnswered = false;
    }
}
