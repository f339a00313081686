package dev.wharf.bootstrap.wiring;

import com.codahale.metrics.health.HealthCheck;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.bootstrap.background.WarehouseCheckLoop;
import dev.wharf.domain.shared.BackendUnavailableException;

/**
 * Whether the configured warehouse engine can manage Wharf's warehouses: {@code engine-<name>} on the admin port's
 * health checks. Unhealthy while the engine does not answer (or, for PostgreSQL, while its admin role can no longer
 * create logins and databases), and while the check of ready warehouses cannot ask it about them (a duckgres that
 * refuses Wharf's secret, say): that check is tried again here, so the health check turns green as soon as it works.
 */
final class WarehouseEngineHealthCheck extends HealthCheck {
    private final WarehouseEngine engine;
    private final WarehouseCheckLoop warehouses;

    WarehouseEngineHealthCheck(WarehouseEngine engine, WarehouseCheckLoop warehouses) {
        this.engine = engine;
        this.warehouses = warehouses;
    }

    @Override
    protected Result check() {
        try {
            engine.ping();
        } catch (BackendUnavailableException e) {
            return Result.unhealthy("%s engine: %s (%s)", engine.name(), e.getMessage(), e.reason());
        }
        if (Boolean.FALSE.equals(warehouses.lastPassAnswered())) {
            warehouses.pass();
            if (Boolean.FALSE.equals(warehouses.lastPassAnswered())) {
                return Result.unhealthy(
                        "%s engine answers, but cannot be asked about Wharf's warehouses: %s",
                        engine.name(), warehouses.lastProblem());
            }
        }
        return Result.healthy("%s engine answers", engine.name());
    }
}
