package dev.wharf.application.service.provisioning;

import dev.wharf.application.port.in.provisioning.Provisioning;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.metrics.Metrics.ProvisioningFailure;
import dev.wharf.application.port.out.provisioning.ProvisioningQueue;
import dev.wharf.application.port.out.provisioning.ProvisioningQueue.Claim;
import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseEvents;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Moves warehouses through the state machine: pending → provisioning → ready, or failed after the overall timeout
 * with retries and exponential backoff in between; deleting → deleted, retried with backoff, or failed when the engine
 * refuses or fails {@link ProvisioningSettings#deletionAttempts} times in a row (the reference retries deletion forever:
 * a damaged warehouse would then retry with no end and no word). Each warehouse that becomes failed is told to {@link
 * WarehouseEvents}, once. Each warehouse is
 * worked on under a lease, so several workers (in one process or many) never work on the same one at once, and a
 * dead worker's warehouses are taken over when its leases expire. Every state change is a compare-and-swap on the
 * state, so a worker that lost its lease cannot undo what another did.
 */
public final class ProvisioningWorker implements Provisioning {
    static final int BATCH = 16;
    static final String RETRY_DEPROVISION = ". Deprovision again to retry.";

    private final ProvisioningQueue queue;
    private final WarehouseRepository warehouses;
    private final WarehouseEngine engine;
    private final ProvisioningSettings settings;
    private final Clock clock;
    private final String workerId;
    private final WarehouseEvents events;
    private final Metrics metrics;
    private final AtomicReference<Instant> nextScheduled = new AtomicReference<>();

    public ProvisioningWorker(
            ProvisioningQueue queue,
            WarehouseRepository warehouses,
            WarehouseEngine engine,
            ProvisioningSettings settings,
            Clock clock,
            String workerId,
            WarehouseEvents events,
            Metrics metrics) {
        this.queue = queue;
        this.warehouses = warehouses;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
        this.workerId = workerId;
        this.events = events;
        this.metrics = metrics;
    }

    @Override
    public int runOnce(BooleanSupplier keepGoing) {
        Instant start = clock.instant();
        nextScheduled.updateAndGet(next -> next == null || next.isAfter(start) ? next : null);
        int worked = 0;
        for (ProjectId project : queue.due(clock.instant(), BATCH)) {
            if (!keepGoing.getAsBoolean()) {
                break;
            }
            Instant now = clock.instant();
            Optional<Claim> claim = queue.claim(project, workerId, now, now.plus(settings.lease()));
            if (claim.isPresent()) {
                work(claim.get());
                worked++;
            }
        }
        return worked;
    }

    private void work(Claim claim) {
        Instant nextAttempt = null;
        int failures = claim.attempts();
        WarehouseState scheduledFor = null;
        try {
            Optional<Warehouse> found = warehouses.findByProject(claim.projectId());
            if (found.isPresent()) {
                scheduledFor = found.get().state();
                Outcome outcome = advance(found.get(), claim.attempts());
                scheduledFor = outcome.state();
                if (outcome.failed()) {
                    failures++;
                    nextAttempt = clock.instant().plus(settings.backoff(failures));
                } else {
                    failures = 0;
                    nextAttempt = outcome.retryAfter() == null
                            ? null
                            : clock.instant().plus(outcome.retryAfter());
                }
            }
        } catch (RuntimeException e) {
            failures++;
            nextAttempt = clock.instant().plus(settings.backoff(failures));
            throw e;
        } finally {
            queue.release(claim.projectId(), workerId, scheduledFor, nextAttempt, failures);
            if (nextAttempt != null) {
                Instant scheduled = nextAttempt;
                nextScheduled.accumulateAndGet(
                        scheduled, (held, next) -> held == null || next.isBefore(held) ? next : held);
            }
        }
    }

    @Override
    public Optional<Instant> nextAttemptScheduled() {
        return Optional.ofNullable(nextScheduled.get());
    }

    private Outcome advance(Warehouse warehouse, int failuresSoFar) {
        return switch (warehouse.state()) {
            case PENDING -> startProvisioning(warehouse);
            case PROVISIONING -> provision(warehouse);
            case DELETING -> deprovision(warehouse, failuresSoFar);
            default -> Outcome.finished();
        };
    }

    private Outcome startProvisioning(Warehouse pending) {
        Warehouse provisioning = pending.startProvisioning(clock.instant());
        if (!warehouses.update(provisioning, WarehouseState.PENDING)) {
            return Outcome.finished();
        }
        return provision(provisioning);
    }

    private Outcome provision(Warehouse warehouse) {
        Instant now = clock.instant();
        Instant started =
                warehouse.provisioningStartedAt() == null ? warehouse.createdAt() : warehouse.provisioningStartedAt();
        if (!now.isBefore(started.plus(settings.provisioningTimeout()))) {
            metrics.provisioningFailed(engine.name(), ProvisioningFailure.TIMED_OUT);
            fail(warehouse.markFailed(timedOut(), now), WarehouseState.PROVISIONING);
            return Outcome.finished();
        }
        try {
            metrics.provisioningAttempted(engine.name());
            EngineProgress progress =
                    engine.provision(warehouse.databaseName(), WarehouseTag.of(warehouse), warehouse.schema());
            return switch (progress.outcome()) {
                case DONE -> {
                    Warehouse ready = warehouse.markReady(clock.instant());
                    if (warehouses.update(ready, WarehouseState.PROVISIONING)) {
                        metrics.warehouseReady(engine.name(), Duration.between(warehouse.createdAt(), ready.readyAt()));
                    }
                    yield Outcome.finished();
                }
                case FAILED -> {
                    metrics.provisioningFailed(engine.name(), ProvisioningFailure.REFUSED);
                    fail(warehouse.markFailed(progress.message(), clock.instant()), WarehouseState.PROVISIONING);
                    yield Outcome.finished();
                }
                case IN_PROGRESS -> {
                    report(warehouse, progress.message());
                    yield Outcome.retry(settings.pollInterval(), WarehouseState.PROVISIONING);
                }
            };
        } catch (RuntimeException e) {
            metrics.provisioningFailed(engine.name(), ProvisioningFailure.ENGINE_ERROR);
            report(warehouse, "Provisioning is retrying after an engine error: " + describe(e));
            return Outcome.failedAttempt(WarehouseState.PROVISIONING);
        }
    }

    private Outcome deprovision(Warehouse warehouse, int failuresSoFar) {
        try {
            EngineProgress progress = engine.deprovision(warehouse.databaseName(), WarehouseTag.of(warehouse));
            switch (progress.outcome()) {
                case DONE -> {
                    warehouses.update(warehouse.markDeleted(clock.instant()), WarehouseState.DELETING);
                    return Outcome.finished();
                }
                case FAILED -> {
                    fail(
                            warehouse.markDeletionFailed(
                                    "Deprovisioning failed: " + progress.message() + RETRY_DEPROVISION,
                                    clock.instant()),
                            WarehouseState.DELETING);
                    return Outcome.finished();
                }
                default -> {
                    reportDeletion(warehouse, progress.message());
                    return Outcome.retry(settings.pollInterval(), WarehouseState.DELETING);
                }
            }
        } catch (RuntimeException e) {
            int failures = failuresSoFar + 1;
            if (failures >= settings.deletionAttempts()) {
                fail(
                        warehouse.markDeletionFailed(
                                "Deprovisioning failed " + failures + " times in a row, last: " + describe(e)
                                        + RETRY_DEPROVISION,
                                clock.instant()),
                        WarehouseState.DELETING);
                return Outcome.finished();
            }
            reportDeletion(warehouse, "Deprovisioning is retrying after an engine error: " + describe(e));
            return Outcome.failedAttempt(WarehouseState.DELETING);
        }
    }

    /** Stores {@code failed} if the warehouse is still {@code expected}, and then tells the events, once. */
    private void fail(Warehouse failed, WarehouseState expected) {
        if (warehouses.update(failed, expected)) {
            events.failed(failed);
        }
    }

    private void report(Warehouse warehouse, String message) {
        if (message != null && !message.isBlank() && !message.equals(warehouse.statusMessage())) {
            warehouses.update(warehouse.reportProgress(message, clock.instant()), WarehouseState.PROVISIONING);
        }
    }

    private void reportDeletion(Warehouse warehouse, String message) {
        if (message != null && !message.isBlank() && !message.equals(warehouse.statusMessage())) {
            warehouses.update(warehouse.reportDeletionProgress(message, clock.instant()), WarehouseState.DELETING);
        }
    }

    private String timedOut() {
        Duration timeout = settings.provisioningTimeout();
        return timeout.toMinutes() > 0 && timeout.toSecondsPart() == 0
                ? "Provisioning timed out after " + timeout.toMinutes() + " minutes"
                : "Provisioning timed out after " + timeout.toSeconds() + " seconds";
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * What a pass did: finished, waiting on the engine (retry after a poll interval), or failed (back off); and the
     * state it left the warehouse in, which the schedule is for (null when finished: nothing is scheduled).
     */
    private record Outcome(boolean failed, Duration retryAfter, WarehouseState state) {
        static Outcome finished() {
            return new Outcome(false, null, null);
        }

        static Outcome retry(Duration after, WarehouseState state) {
            return new Outcome(false, after, state);
        }

        static Outcome failedAttempt(WarehouseState state) {
            return new Outcome(true, null, state);
        }
    }
}
