package dev.wharf.adapters.out.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The local and the absent billing sources. */
class LocalBillingSourceTest {
    @Test
    void theCurrentPeriodIsLaidOutFromTheAnchorWithNothingTracked() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-14T09:00:00Z"), ZoneOffset.UTC);
        LocalBillingSource source = new LocalBillingSource(
                Instant.parse("2026-01-31T00:00:00Z"), BillingInterval.MONTH, OptionalLong.of(10), clock);

        assertThat(source.billingFor(OrganizationId.random()))
                .contains(new Billing(
                        new BillingPeriod(
                                Instant.parse("2026-02-28T00:00:00Z"),
                                Instant.parse("2026-03-31T00:00:00Z"),
                                BillingInterval.MONTH),
                        0,
                        OptionalLong.of(10)));
    }

    @Test
    void noBillingIsNeverAvailable() {
        assertThat(new NoBillingSource().billingFor(OrganizationId.random())).isEmpty();
    }
}
