package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how Wharf runs its own PostgreSQL server for the warehouses.
 *
 * @param directory the server's home: unpacked binaries, the cluster ({@code data/}), its socket directory
 *     ({@code run/}), TLS certificate and key, the admin password and the server's log
 * @param binDir an installed PostgreSQL's {@code bin} directory to use instead of the binaries inside Wharf, or null
 * @param bindHost the address the server listens on
 * @param port the port it listens on
 * @param runAs the operating-system user to run the server as when Wharf runs as root (PostgreSQL refuses root), or
 *     null for {@code nobody}; ignored when Wharf is not root (the server then runs as Wharf's own user)
 * @param certificateHosts names and addresses the TLS certificate is made for (its subject alternative names)
 * @param maxConnections the server's {@code max_connections}; three more are reserved for Wharf's admin role
 * @param authenticationTimeout how long a client may take to log in ({@code authentication_timeout})
 * @param startTimeout how long the server may take to accept connections
 */
public record EmbeddedPostgresSettings(
        Path directory,
        Path binDir,
        String bindHost,
        int port,
        String runAs,
        List<String> certificateHosts,
        int maxConnections,
        Duration authenticationTimeout,
        Duration startTimeout) {

    public EmbeddedPostgresSettings {
        directory =
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        binDir = binDir == null ? null : binDir.toAbsolutePath().normalize();
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        runAs = runAs == null || runAs.isBlank() ? null : runAs.strip();
        certificateHosts = List.copyOf(certificateHosts);
        if (maxConnections < 5 || maxConnections > 10_000) {
            throw new IllegalArgumentException("maxConnections must be between 5 and 10000, was " + maxConnections);
        }
        long authSeconds = authenticationTimeout.toSeconds();
        if (authSeconds < 1 || authSeconds > 600) {
            throw new IllegalArgumentException("authenticationTimeout must be between 1 s and 10 min");
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
    }
}
