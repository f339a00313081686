package dev.wharf.adapters.out.billing;

import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Billing without a billing service: every organization's period is laid out from one anchor, and nothing has been
 * tracked yet, so every row the database counts is pending.
 */
public final class LocalBillingSource implements BillingSource {
    private final Instant anchor;
    private final BillingInterval interval;
    private final OptionalLong rowLimit;
    private final Clock clock;

    public LocalBillingSource(Instant anchor, BillingInterval interval, OptionalLong rowLimit, Clock clock) {
        this.anchor = Require.nonNull(anchor, "anchor");
        this.interval = Require.nonNull(interval, "interval");
        this.rowLimit = Require.nonNull(rowLimit, "rowLimit");
        this.clock = Require.nonNull(clock, "clock");
    }

    @Override
    public Optional<Billing> billingFor(OrganizationId organizationId) {
        return Optional.of(new Billing(BillingPeriod.current(anchor, interval, clock), 0, rowLimit));
    }
}
