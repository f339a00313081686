package dev.wharf.application.port.out.usage;

import dev.wharf.domain.shared.Require;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.OptionalLong;

/**
 * What the billing service knows about an organization: its current period, the rows it has already recorded for
 * that period ({@code trackedRows}, never negative) and the rows the plan allows, when there is a limit.
 */
public record Billing(BillingPeriod period, long trackedRows, OptionalLong rowLimit) {
    public Billing {
        Require.nonNull(period, "period");
        Require.nonNull(rowLimit, "rowLimit");
        if (trackedRows < 0) {
            throw new IllegalArgumentException("tracked rows are never negative");
        }
    }
}
