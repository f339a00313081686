package dev.wharf.application.service.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.wharf.application.fake.RecordingMetrics;
import dev.wharf.domain.project.OrganizationId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredBillingSourceTest {
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void countsEachCallAndEachThatThrewAndPassesBothOn() {
        OrganizationId org = OrganizationId.random();
        MeteredBillingSource answering = new MeteredBillingSource(o -> Optional.empty(), metrics);
        MeteredBillingSource failing = new MeteredBillingSource(
                o -> {
                    throw new IllegalStateException("billing down");
                },
                metrics);

        assertThat(answering.billingFor(org)).isEmpty();
        assertThat(answering.billingFor(org)).isEmpty();
        assertThatThrownBy(() -> failing.billingFor(org)).hasMessage("billing down");

        assertThat(metrics.counts()).containsOnly(entry("billingCalled ok", 2L), entry("billingCalled failed", 1L));
    }
}
