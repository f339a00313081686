package dev.wharf.application.port.out.usage;

import dev.wharf.domain.project.OrganizationId;
import java.util.Optional;

/**
 * Where an organization's billing period and tracked rows come from (no billing, a local anchor, or a billing
 * service). Empty means billing is not available for the organization, which is an answer, not a failure; a billing
 * service that cannot be asked, or answers something unreadable, throws.
 */
public interface BillingSource {
    Optional<Billing> billingFor(OrganizationId organizationId);
}
