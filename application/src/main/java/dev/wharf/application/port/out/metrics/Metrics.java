package dev.wharf.application.port.out.metrics;

import dev.wharf.application.port.out.webhook.WebhookSender;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.job.JobKind;
import java.time.Duration;

/**
 * What the services count for the operator, as it happens. Every label is a value Wharf chose (an engine's type, an
 * action, an outcome, a job kind), never one a tenant chose: no project, database, source or key.
 */
public interface Metrics {
    /** The worker asked the engine to provision (a first call, a poll of one in progress, or a retry). */
    void provisioningAttempted(String engine);

    /** A provisioning attempt that did not succeed, and why. */
    void provisioningFailed(String engine, ProvisioningFailure reason);

    /** A warehouse became ready, {@code sinceRequested} after its provision was asked for. */
    void warehouseReady(String engine, Duration sinceRequested);

    /** A management action (provision, deprovision, reset-password) ended so, as its audit entry says. */
    void managementCall(AuditAction action, AuditOutcome outcome);

    /** Running jobs failed for lack of a heartbeat by one pass. */
    void staleJobsFailed(int count);

    /** A job report raised a job's rows by {@code rows}. */
    void rowsReported(JobKind kind, long rows);

    /** Wharf asked the billing service about an organization; {@code failed} when it could not answer. */
    void billingCalled(boolean failed);

    /** One attempt at a webhook delivery ended so. */
    void webhookAttempted(WebhookSender.Outcome outcome);

    enum ProvisioningFailure {
        /** The engine could not be asked, or broke: the attempt is retried with backoff. */
        ENGINE_ERROR,
        /** The engine refused the warehouse: it is failed. */
        REFUSED,
        /** The warehouse was not ready within the provisioning timeout: it is failed. */
        TIMED_OUT
    }

    /** Counts nothing: for tests that do not look at metrics, and tools that do not serve them. */
    Metrics NONE = new Metrics() {
        @Override
        public void provisioningAttempted(String engine) {}

        @Override
        public void provisioningFailed(String engine, ProvisioningFailure reason) {}

        @Override
        public void warehouseReady(String engine, Duration sinceRequested) {}

        @Override
        public void managementCall(AuditAction action, AuditOutcome outcome) {}

        @Override
        public void staleJobsFailed(int count) {}

        @Override
        public void rowsReported(JobKind kind, long rows) {}

        @Override
        public void billingCalled(boolean failed) {}

        @Override
        public void webhookAttempted(WebhookSender.Outcome outcome) {}
    };
}
