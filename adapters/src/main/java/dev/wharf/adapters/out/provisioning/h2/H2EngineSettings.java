package dev.wharf.adapters.out.provisioning.h2;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded H2 engine keeps its warehouses and where it serves them.
 *
 * @param dataDir the engine's directory: warehouses live in {@code <dataDir>/warehouses}, the engine's own secret in
 *     {@code <dataDir>/engine.secret}
 * @param bindHost the address the PostgreSQL-wire and TCP servers accept connections on
 * @param pgPort the PostgreSQL-wire server's port
 * @param tcpPort the H2 TCP server's port
 * @param publicHost the host users are told to connect to
 */
public record H2EngineSettings(Path dataDir, String bindHost, int pgPort, int tcpPort, String publicHost) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PG_PORT = 15432;
    public static final int DEFAULT_TCP_PORT = 15433;

    public H2EngineSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        requireHost(bindHost, "bindHost");
        requireHost(publicHost, "publicHost");
        requirePort(pgPort, "pgPort");
        requirePort(tcpPort, "tcpPort");
        if (pgPort == tcpPort) {
            throw new IllegalArgumentException("pgPort and tcpPort must differ, both are " + pgPort);
        }
    }

    /** Local-only settings on the default ports. */
    public static H2EngineSettings defaults(Path dataDir) {
        return new H2EngineSettings(dataDir, DEFAULT_HOST, DEFAULT_PG_PORT, DEFAULT_TCP_PORT, DEFAULT_HOST);
    }

    private static void requireHost(String host, String what) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static void requirePort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, was " + port);
        }
    }
}
