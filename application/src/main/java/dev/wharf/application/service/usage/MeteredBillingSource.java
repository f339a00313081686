package dev.wharf.application.service.usage;

import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.domain.project.OrganizationId;
import java.util.Optional;

/** Counts every call to the billing service, and each that failed (threw), as the billing-source metrics. */
public final class MeteredBillingSource implements BillingSource {
    private final BillingSource billing;
    private final Metrics metrics;

    public MeteredBillingSource(BillingSource billing, Metrics metrics) {
        this.billing = billing;
        this.metrics = metrics;
    }

    @Override
    public Optional<Billing> billingFor(OrganizationId organizationId) {
        try {
            Optional<Billing> answer = billing.billingFor(organizationId);
            metrics.billingCalled(false);
            return answer;
        } catch (RuntimeException e) {
            metrics.billingCalled(true);
            throw e;
        }
    }
}
