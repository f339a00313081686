package dev.wharf.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import dev.wharf.adapters.out.provisioning.duckgres.DuckgresEngineSettings;
import dev.wharf.adapters.out.provisioning.duckgres.DuckgresWarehouseEngine;
import dev.wharf.adapters.out.provisioning.duckgres.FakeDuckgres;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseEvents;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.provisioning.WarehouseCheckService;
import dev.wharf.bootstrap.background.WarehouseCheckLoop;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.warehouse.DatabaseName;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarehouseEngineHealthCheckTest {
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final InMemoryFixture store = new InMemoryFixture();
    private final WarehouseCheckLoop warehouses = new WarehouseCheckLoop(
            new WarehouseCheckService(store.transactions(), store.warehouses(), engine, Clock.systemUTC()),
            WarehouseEvents.NONE,
            Duration.ofMinutes(5));
    private final WarehouseEngineHealthCheck check = new WarehouseEngineHealthCheck(engine, warehouses);

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

    @Test
    void aDuckgresThatRefusesWharfsSecretIsUnhealthySayingSoAndOneThatIsDownIsUnreachable() {
        try (FakeDuckgres duckgres = new FakeDuckgres("the-right-secret", true)) {
            DuckgresWarehouseEngine wrongSecret = new DuckgresWarehouseEngine(
                    DuckgresEngineSettings.defaults(duckgres.baseUrl(), "a-wrong-secret", null));
            WarehouseEngineHealthCheck duckgresCheck = new WarehouseEngineHealthCheck(wrongSecret, warehouses);

            HealthCheck.Result refused = duckgresCheck.execute();
            assertThat(refused.isHealthy()).isFalse();
            assertThat(refused.getMessage())
                    .startsWith("duckgres engine: duckgres refused Wharf's credentials (401 to GET ")
                    .endsWith("(CREDENTIALS_REFUSED)")
                    .doesNotContain("unreachable");

            duckgres.close();
            HealthCheck.Result down = duckgresCheck.execute();
            assertThat(down.isHealthy()).isFalse();
            assertThat(down.getMessage()).contains("is unreachable").endsWith("(UNREACHABLE)");
        }
    }

    @Test
    void anEngineThatAnswersButCannotBeAskedAboutTheWarehousesIsUnhealthyUntilItCanAgain() {
        store.givenProject(1);
        ServiceFixtures.givenReadyWarehouse(
                store,
                engine,
                ProjectId.of(1),
                new DatabaseName("analytics"),
                Clock.systemUTC().instant());
        engine.refuseChecks(true);
        warehouses.pass();

        HealthCheck.Result refused = check.execute();
        assertThat(refused.isHealthy()).isFalse();
        assertThat(refused.getMessage())
                .isEqualTo("memory engine answers, but cannot be asked about Wharf's warehouses:"
                        + " the engine refuses Wharf's credentials");

        engine.refuseChecks(false);
        assertThat(check.execute().isHealthy())
                .as("tried again by the health check")
                .isTrue();
        assertThat(warehouses.lastPassAnswered()).isTrue();
    }
}
