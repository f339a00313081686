package dev.wharf.adapters.out.metrics;

import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.metrics.MetricsQueries;
import dev.wharf.application.port.out.webhook.WebhookSender;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.warehouse.WarehouseState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wharf's own metrics in Prometheus' Java client, named by Prometheus' conventions: a {@code wharf_} prefix, the unit
 * in the name, {@code _total} on counters (added by the client), lower-case label values Wharf chose. The gauges of
 * warehouses and running jobs are read from the metadata database when scraped, so every instance on one database
 * reports the same totals (sum them with {@code max}, not {@code sum}, across instances).
 */
public final class PrometheusMetrics implements Metrics {
    /** From a quick start on PostgreSQL (under a second) to a slow duckgres (ten minutes and more). */
    private static final double[] TIME_TO_READY_SECONDS = {0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800};

    private final Counter provisioningAttempts;
    private final Counter provisioningFailures;
    private final Histogram timeToReady;
    private final Counter passwordResets;
    private final Counter throttled;
    private final Counter staleJobsFailed;
    private final Counter rowsReported;
    private final Counter billingCalls;
    private final Counter billingErrors;
    private final Counter webhookAttempts;

    /**
     * {@code oldestUndelivered}: when the oldest webhook delivery still pending was recorded, read at scrape time;
     * its age is measured on {@code clock}.
     */
    public PrometheusMetrics(
            PrometheusRegistry registry,
            MetricsQueries queries,
            String engine,
            Supplier<Optional<Instant>> oldestUndelivered,
            Clock clock) {
        provisioningAttempts = Counter.builder()
                .name("wharf_provisioning_attempts_total")
                .help("Calls of the engine to provision a warehouse: a first call, a poll of one in progress, a retry")
                .labelNames("engine")
                .register(registry);
        provisioningFailures = Counter.builder()
                .name("wharf_provisioning_failures_total")
                .help(
                        "Provisioning attempts that did not succeed: engine_error (retried), refused or timed_out (failed)")
                .labelNames("engine", "reason")
                .register(registry);
        timeToReady = Histogram.builder()
                .name("wharf_provisioning_time_to_ready_seconds")
                .help("From the provision request to the warehouse being ready")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(TIME_TO_READY_SECONDS)
                .labelNames("engine")
                .register(registry);
        passwordResets = Counter.builder()
                .name("wharf_password_resets_total")
                .help("reset-password calls by outcome: succeeded, failed, denied, throttled")
                .labelNames("outcome")
                .register(registry);
        throttled = Counter.builder()
                .name("wharf_throttled_calls_total")
                .help("Management calls refused by the project's rate limit (429)")
                .labelNames("action")
                .register(registry);
        staleJobsFailed = Counter.builder()
                .name("wharf_stale_jobs_failed_total")
                .help("Running jobs failed for lack of a heartbeat")
                .register(registry);
        rowsReported = Counter.builder()
                .name("wharf_rows_reported_total")
                .help("Rows added to jobs by job reports")
                .labelNames("kind")
                .register(registry);
        billingCalls = Counter.builder()
                .name("wharf_billing_source_calls_total")
                .help("Questions to the billing source about an organization")
                .register(registry);
        billingErrors = Counter.builder()
                .name("wharf_billing_source_errors_total")
                .help("Questions to the billing source that it could not answer")
                .register(registry);
        webhookAttempts = Counter.builder()
                .name("wharf_webhook_deliveries_total")
                .help("Webhook delivery attempts by outcome: delivered, rejected, timed_out, unreachable,"
                        + " forbidden_address")
                .labelNames("outcome")
                .register(registry);
        GaugeWithCallback.builder()
                .name("wharf_webhook_oldest_undelivered_age_seconds")
                .help("How long the oldest webhook delivery still pending has waited (0 when none is)")
                .unit(Unit.SECONDS)
                .callback(gauge -> {
                    Optional<Instant> oldest = readOrNothing(oldestUndelivered);
                    if (oldest == null) return;
                    gauge.call(oldest.map(o -> Math.max(
                                    0, Duration.between(o, clock.instant()).toMillis() / 1e3))
                            .orElse(0.0));
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("wharf_warehouses")
                .help("Warehouses by state, across every project of the metadata database")
                .labelNames("state", "engine")
                .callback(gauge -> {
                    Map<WarehouseState, Long> counts = readOrNothing(queries::warehousesByState);
                    if (counts == null) return;
                    for (WarehouseState state : WarehouseState.values()) {
                        gauge.call(counts.getOrDefault(state, 0L), state.wireName(), engine);
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("wharf_jobs_running")
                .help("Jobs running now, across every project of the metadata database")
                .labelNames("kind")
                .callback(gauge -> {
                    Map<JobKind, Long> counts = readOrNothing(queries::runningJobs);
                    if (counts == null) return;
                    for (JobKind kind : JobKind.values()) {
                        gauge.call(counts.getOrDefault(kind, 0L), kind.wireName());
                    }
                })
                .register(registry);
    }

    /**
     * A scrape while the metadata database cannot answer leaves these gauges out (a gap in the graph, and
     * Prometheus' staleness marks them) rather than failing the whole scrape or reporting zeros.
     */
    private static <T> T readOrNothing(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void provisioningAttempted(String engine) {
        provisioningAttempts.labelValues(engine).inc();
    }

    @Override
    public void provisioningFailed(String engine, ProvisioningFailure reason) {
        provisioningFailures
                .labelValues(engine, reason.name().toLowerCase(Locale.ROOT))
                .inc();
    }

    @Override
    public void warehouseReady(String engine, Duration sinceRequested) {
        timeToReady.labelValues(engine).observe(sinceRequested.toNanos() / 1e9);
    }

    @Override
    public void managementCall(AuditAction action, AuditOutcome outcome) {
        if (action == AuditAction.RESET_PASSWORD) {
            passwordResets.labelValues(outcome.wireName()).inc();
        }
        if (outcome == AuditOutcome.THROTTLED) {
            throttled.labelValues(action.wireName()).inc();
        }
    }

    @Override
    public void staleJobsFailed(int count) {
        staleJobsFailed.inc(count);
    }

    @Override
    public void rowsReported(JobKind kind, long rows) {
        rowsReported.labelValues(kind.wireName()).inc(rows);
    }

    @Override
    public void webhookAttempted(WebhookSender.Outcome outcome) {
        webhookAttempts.labelValues(outcome.name().toLowerCase(Locale.ROOT)).inc();
    }

    @Override
    public void billingCalled(boolean failed) {
        billingCalls.inc();
        if (failed) {
            billingErrors.inc();
        }
    }
}
