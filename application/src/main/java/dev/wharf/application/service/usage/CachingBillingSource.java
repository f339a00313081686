package dev.wharf.application.service.usage;

import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.domain.project.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers each organization's answer for a while, so that a pipeline starting many jobs does not ask the billing
 * service for each. Failures are not remembered: the next call asks again.
 */
public final class CachingBillingSource implements BillingSource {
    private final BillingSource billing;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentMap<OrganizationId, Entry> answers = new ConcurrentHashMap<>();

    public CachingBillingSource(BillingSource billing, Duration ttl, Clock clock) {
        this.billing = billing;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<Billing> billingFor(OrganizationId organizationId) {
        Instant now = clock.instant();
        Entry cached = answers.get(organizationId);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.billing();
        }
        Optional<Billing> answer = billing.billingFor(organizationId);
        answers.put(organizationId, new Entry(answer, now.plus(ttl)));
        return answer;
    }

    private record Entry(Optional<Billing> billing, Instant expiresAt) {}
}
