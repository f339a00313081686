package dev.wharf.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.domain.shared.BackendUnavailableException;

/** Whether the configured warehouse engine answers: {@code engine-<name>} on the admin port's health checks. */
final class WarehouseEngineHealthCheck extends HealthCheck {
    private final WarehouseEngine engine;

    WarehouseEngineHealthCheck(WarehouseEngine engine) {
        this.engine = engine;
    }

    @Override
    protected Result check() {
        try {
            engine.ping();
            return Result.healthy("%s engine answers", engine.name());
        } catch (BackendUnavailableException e) {
            return Result.unhealthy("%s engine: %s (%s)", engine.name(), e.getMessage(), e.reason());
        }
    }
}
