package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.out.provisioning.duckgres.DuckgresEngineSettings;
import dev.wharf.adapters.out.provisioning.duckgres.DuckgresWarehouseEngine;
import dev.wharf.adapters.out.provisioning.postgres.PostgresEngineSettings;
import dev.wharf.adapters.out.provisioning.postgres.PostgresWarehouseEngine;
import dev.wharf.adapters.out.provisioning.postgres.embedded.EmbeddedPostgres;
import dev.wharf.adapters.out.provisioning.postgres.embedded.EmbeddedPostgresSettings;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.bootstrap.config.DuckgresEngineConfiguration;
import dev.wharf.bootstrap.config.EmbeddedPostgresConfiguration;
import dev.wharf.bootstrap.config.EngineConfiguration;
import dev.wharf.bootstrap.config.PostgresEngineConfiguration;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the configured engine: configuration classes stay in bootstrap, plain settings records go inward. The
 * PostgreSQL engine's embedded server, when enabled, starts here in the background (unpacking and initdb on a first
 * start overlap the rest of Wharf's), is waited for before the server takes requests (a problem with it stops the
 * start with one line) and is stopped with the application.
 */
public final class Engines {
    private Engines() {}

    public static WarehouseEngine create(EngineConfiguration configuration, LifecycleEnvironment lifecycle) {
        return switch (configuration.getType()) {
            case "duckgres" -> duckgres(configuration.getDuckgres());
            default -> postgres(configuration.getPostgres(), lifecycle);
        };
    }

    static PostgresWarehouseEngine postgres(PostgresEngineConfiguration c, LifecycleEnvironment lifecycle) {
        if (!c.getEmbedded().isEnabled()) {
            return new PostgresWarehouseEngine(settings(
                    c, c.getAdminUrl(), c.getAdminUser(), c.getAdminPassword(), c.getPublicPort(), c.getSslMode()));
        }
        EmbeddedPostgres server = embedded(c);
        server.startInBackground();
        lifecycle.manage(new Managed() {
            @Override
            public void start() {
                server.start();
            }

            @Override
            public void stop() {
                server.stop();
            }
        });
        return new PostgresWarehouseEngine(settings(
                c, server.adminJdbcUrl(), EmbeddedPostgres.ADMIN, server.adminPassword(), server.port(), "require"));
    }

    static EmbeddedPostgres embedded(PostgresEngineConfiguration c) {
        EmbeddedPostgresConfiguration e = c.getEmbedded();
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", c.getPublicHost()));
        return new EmbeddedPostgres(new EmbeddedPostgresSettings(
                Path.of(e.getDirectory()),
                e.getBinDir().isBlank() ? null : Path.of(e.getBinDir()),
                e.getBindHost(),
                e.getPort(),
                e.getRunAs(),
                List.copyOf(hosts),
                e.getMaxConnections(),
                millis(e.getAuthenticationTimeout()),
                millis(e.getStartTimeout())));
    }

    private static PostgresEngineSettings settings(
            PostgresEngineConfiguration c, String url, String user, String password, int publicPort, String sslMode) {
        return new PostgresEngineSettings(
                url,
                user,
                password,
                c.getPublicHost(),
                publicPort,
                millis(c.getConnectTimeout()),
                millis(c.getStatementTimeout()),
                c.getRolePrefix(),
                c.getLoginGroup(),
                sslMode,
                c.getLimits().toLimits());
    }

    static DuckgresWarehouseEngine duckgres(DuckgresEngineConfiguration c) {
        return new DuckgresWarehouseEngine(new DuckgresEngineSettings(
                URI.create(c.getUrl()),
                c.getInternalSecret().isEmpty() ? null : c.getInternalSecret(),
                c.getOrgIdNamespace(),
                millis(c.getConnectTimeout()),
                millis(c.getRequestTimeout()),
                millis(c.getNameCheckTimeout()),
                c.getPublicHostSuffix(),
                c.getPublicPort(),
                c.getDatabase(),
                c.getMetadataStore(),
                c.getDataStore()));
    }

    static Duration millis(io.dropwizard.util.Duration duration) {
        return Duration.ofMillis(duration.toMilliseconds());
    }
}
