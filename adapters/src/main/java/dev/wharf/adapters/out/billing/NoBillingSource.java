package dev.wharf.adapters.out.billing;

import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.domain.project.OrganizationId;
import java.util.Optional;

/** No billing at all: every organization's billing is "not available". */
public final class NoBillingSource implements BillingSource {
    @Override
    public Optional<Billing> billingFor(OrganizationId organizationId) {
        return Optional.empty();
    }
}
