package dev.wharf.adapters.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.metrics.Metrics.ProvisioningFailure;
import dev.wharf.application.port.out.metrics.MetricsQueries;
import dev.wharf.application.port.out.webhook.WebhookSender;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.warehouse.WarehouseState;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Wharf's metrics as Prometheus reads them: names, labels and values in the text format. */
class PrometheusMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T01:00:00Z");
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicReference<Optional<Instant>> oldest = new AtomicReference<>(Optional.empty());
    private final PrometheusMetrics metrics =
            new PrometheusMetrics(registry, queries(), "postgres", oldest::get, Clock.fixed(NOW, ZoneOffset.UTC));

    private MetricsQueries queries() {
        return new MetricsQueries() {
            @Override
            public Map<WarehouseState, Long> warehousesByState() {
                if (databaseDown.get()) throw new IllegalStateException("down");
                return Map.of(WarehouseState.READY, 3L, WarehouseState.FAILED, 1L);
            }

            @Override
            public Map<JobKind, Long> runningJobs() {
                if (databaseDown.get()) throw new IllegalStateException("down");
                return Map.of(JobKind.IMPORT, 5L);
            }
        };
    }

    private String scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countersCarryTheirLabelsAndTotals() throws IOException {
        metrics.provisioningAttempted("postgres");
        metrics.provisioningAttempted("postgres");
        metrics.provisioningFailed("postgres", ProvisioningFailure.ENGINE_ERROR);
        metrics.managementCall(AuditAction.RESET_PASSWORD, AuditOutcome.SUCCEEDED);
        metrics.managementCall(AuditAction.RESET_PASSWORD, AuditOutcome.THROTTLED);
        metrics.managementCall(AuditAction.PROVISION, AuditOutcome.THROTTLED);
        metrics.managementCall(AuditAction.PROVISION, AuditOutcome.SUCCEEDED);
        metrics.staleJobsFailed(2);
        metrics.staleJobsFailed(0);
        metrics.rowsReported(JobKind.IMPORT, 1200);
        metrics.rowsReported(JobKind.MODEL, 7);
        metrics.billingCalled(false);
        metrics.billingCalled(true);

        assertThat(scrape())
                .contains("wharf_provisioning_attempts_total{engine=\"postgres\"} 2.0")
                .contains("wharf_provisioning_failures_total{engine=\"postgres\",reason=\"engine_error\"} 1.0")
                .contains("wharf_password_resets_total{outcome=\"succeeded\"} 1.0")
                .contains("wharf_password_resets_total{outcome=\"throttled\"} 1.0")
                .contains("wharf_throttled_calls_total{action=\"reset-password\"} 1.0")
                .contains("wharf_throttled_calls_total{action=\"provision\"} 1.0")
                .contains("wharf_stale_jobs_failed_total 2.0")
                .contains("wharf_rows_reported_total{kind=\"import\"} 1200.0")
                .contains("wharf_rows_reported_total{kind=\"model\"} 7.0")
                .contains("wharf_billing_source_calls_total 2.0")
                .contains("wharf_billing_source_errors_total 1.0")
                .doesNotContain("outcome=\"succeeded\"} 2.0");
    }

    @Test
    void webhookAttemptsByOutcomeAndTheAgeOfTheOldestUndelivered() throws IOException {
        assertThat(scrape()).contains("wharf_webhook_oldest_undelivered_age_seconds 0.0");
        metrics.webhookAttempted(WebhookSender.Outcome.DELIVERED);
        metrics.webhookAttempted(WebhookSender.Outcome.TIMED_OUT);
        metrics.webhookAttempted(WebhookSender.Outcome.TIMED_OUT);
        oldest.set(Optional.of(NOW.minusSeconds(90)));

        assertThat(scrape())
                .contains("wharf_webhook_deliveries_total{outcome=\"delivered\"} 1.0")
                .contains("wharf_webhook_deliveries_total{outcome=\"timed_out\"} 2.0")
                .contains("wharf_webhook_oldest_undelivered_age_seconds 90.0");
    }

    @Test
    void timeToReadyIsAHistogramInSeconds() throws IOException {
        metrics.warehouseReady("postgres", Duration.ofMillis(1500));
        metrics.warehouseReady("postgres", Duration.ofMinutes(4));

        assertThat(scrape())
                .contains("# TYPE wharf_provisioning_time_to_ready_seconds histogram")
                .contains("wharf_provisioning_time_to_ready_seconds_bucket{engine=\"postgres\",le=\"1.0\"} 0")
                .contains("wharf_provisioning_time_to_ready_seconds_bucket{engine=\"postgres\",le=\"2.0\"} 1")
                .contains("wharf_provisioning_time_to_ready_seconds_bucket{engine=\"postgres\",le=\"300.0\"} 2")
                .contains("wharf_provisioning_time_to_ready_seconds_count{engine=\"postgres\"} 2")
                .contains("wharf_provisioning_time_to_ready_seconds_sum{engine=\"postgres\"} 241.5");
    }

    @Test
    void theGaugesAreReadAtScrapeTimeWithEveryStateAndKind() throws IOException {
        String text = scrape();

        assertThat(text)
                .contains("wharf_warehouses{engine=\"postgres\",state=\"ready\"} 3.0")
                .contains("wharf_warehouses{engine=\"postgres\",state=\"failed\"} 1.0")
                .contains("wharf_warehouses{engine=\"postgres\",state=\"pending\"} 0.0")
                .contains("wharf_warehouses{engine=\"postgres\",state=\"deleted\"} 0.0")
                .contains("wharf_jobs_running{kind=\"import\"} 5.0")
                .contains("wharf_jobs_running{kind=\"model\"} 0.0");
    }

    @Test
    void aDatabaseThatCannotAnswerLeavesTheGaugesOutAndTheScrapeWhole() throws IOException {
        metrics.provisioningAttempted("postgres");
        databaseDown.set(true);

        String text = scrape();

        assertThat(text).doesNotContain("wharf_warehouses{").doesNotContain("wharf_jobs_running{");
        assertThat(text).contains("wharf_provisioning_attempts_total{engine=\"postgres\"} 1.0");
    }
}
