package dev.wharf.bootstrap;

import dev.wharf.adapters.out.provisioning.duckgres.DuckgresEngineSettings;
import dev.wharf.adapters.out.provisioning.duckgres.DuckgresWarehouseEngine;
import dev.wharf.adapters.out.provisioning.h2.H2EngineSettings;
import dev.wharf.adapters.out.provisioning.h2.H2WarehouseEngine;
import dev.wharf.adapters.out.provisioning.postgres.PostgresEngineSettings;
import dev.wharf.adapters.out.provisioning.postgres.PostgresWarehouseEngine;
import dev.wharf.application.port.out.WarehouseEngine;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the configured engine: configuration classes stay in bootstrap, plain settings records go inward. An engine
 * with servers of its own (H2) is started and stopped with the application.
 */
final class Engines {
    private Engines() {}

    static WarehouseEngine create(EngineConfiguration configuration, LifecycleEnvironment lifecycle) {
        return switch (configuration.getType()) {
            case "duckgres" -> duckgres(configuration.getDuckgres());
            case "postgres" -> postgres(configuration.getPostgres());
            default -> h2(configuration.getH2(), lifecycle);
        };
    }

    static H2WarehouseEngine h2(H2EngineConfiguration c, LifecycleEnvironment lifecycle) {
        H2WarehouseEngine engine = new H2WarehouseEngine(new H2EngineSettings(
                Path.of(c.getDataDir()).toAbsolutePath().normalize(),
                c.getBindHost(),
                c.getPgPort(),
                c.getTcpPort(),
                c.getPublicHost()));
        lifecycle.manage(new Managed() {
            @Override
            public void start() {
                engine.start();
            }

            @Override
            public void stop() {
                engine.stop();
            }
        });
        return engine;
    }

    static PostgresWarehouseEngine postgres(PostgresEngineConfiguration c) {
        return new PostgresWarehouseEngine(new PostgresEngineSettings(
                c.getAdminUrl(),
                c.getAdminUser(),
                c.getAdminPassword(),
                c.getPublicHost(),
                c.getPublicPort(),
                millis(c.getConnectTimeout()),
                millis(c.getStatementTimeout()),
                c.getRolePrefix(),
                c.getLoginGroup()));
    }

    static DuckgresWarehouseEngine duckgres(DuckgresEngineConfiguration c) {
        return new DuckgresWarehouseEngine(new DuckgresEngineSettings(
                URI.create(c.getUrl()),
                c.getInternalSecret().isEmpty() ? null : c.getInternalSecret(),
                c.getOrgIdPrefix(),
                millis(c.getConnectTimeout()),
                millis(c.getRequestTimeout()),
                millis(c.getNameCheckTimeout()),
                c.getPublicHostSuffix(),
                c.getPublicPort()));
    }

    static Duration millis(io.dropwizard.util.Duration duration) {
        return Duration.ofMillis(duration.toMilliseconds());
    }
}
