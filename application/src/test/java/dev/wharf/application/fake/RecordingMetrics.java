package dev.wharf.application.fake;

import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.webhook.WebhookSender;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.job.JobKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Metrics kept as counts by name and labels ("provisioningFailed memory ENGINE_ERROR"), for tests to read. */
public final class RecordingMetrics implements Metrics {
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final List<Duration> readyAfter = new CopyOnWriteArrayList<>();

    /** The count under {@code key}: the method's name and its labels, separated by spaces; 0 when never counted. */
    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public List<Duration> readyAfter() {
        return List.copyOf(readyAfter);
    }

    private void add(String key, long amount) {
        counts.merge(key, amount, Long::sum);
    }

    @Override
    public void provisioningAttempted(String engine) {
        add("provisioningAttempted " + engine, 1);
    }

    @Override
    public void provisioningFailed(String engine, ProvisioningFailure reason) {
        add("provisioningFailed " + engine + " " + reason, 1);
    }

    @Override
    public void warehouseReady(String engine, Duration sinceRequested) {
        add("warehouseReady " + engine, 1);
        readyAfter.add(sinceRequested);
    }

    @Override
    public void managementCall(AuditAction action, AuditOutcome outcome) {
        add("managementCall " + action + " " + outcome, 1);
    }

    @Override
    public void staleJobsFailed(int count) {
        add("staleJobsFailed", count);
    }

    @Override
    public void rowsReported(JobKind kind, long rows) {
        add("rowsReported " + kind, rows);
    }

    @Override
    public void billingCalled(boolean failed) {
        add("billingCalled " + (failed ? "failed" : "ok"), 1);
    }

    @Override
    public void webhookAttempted(WebhookSender.Outcome outcome) {
        add("webhookAttempted " + outcome, 1);
    }
}
