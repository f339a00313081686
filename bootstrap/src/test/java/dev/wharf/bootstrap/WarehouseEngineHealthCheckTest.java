package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.domain.shared.BackendUnavailableException;
import org.junit.jupiter.api.Test;

class WarehouseEngineHealthCheckTest {
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final WarehouseEngineHealthCheck check = new WarehouseEngineHealthCheck(engine);

    @Test
    void anEngineThatAnswersIsHealthyAndOneThatDoesNotIsUnhealthyWithTheReason() {
        assertThat(check.execute().isHealthy()).isTrue();

        engine.outage(BackendUnavailableException.Reason.TIMEOUT);
        HealthCheck.Result down = check.execute();
        assertThat(down.isHealthy()).isFalse();
        assertThat(down.getMessage()).contains("memory engine").contains("TIMEOUT");

        engine.outage(null);
        assertThat(check.execute().isHealthy()).isTrue();
    }
}
