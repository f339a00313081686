package dev.wharf.bootstrap;

import dev.wharf.adapters.out.jdbi.WharfJdbi;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;

/** Wharf started in process for API tests: in-memory metadata, the H2 engine in a temporary directory. */
final class ApiTestApp {
    static final String KEY = "phx_apitestkeyapitestkeyapitestkeyapitestkey1";

    final String metadataUrl = "jdbc:h2:mem:api_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    final Path dataDir = temporaryDirectory();
    final int warehousePort = freePort();
    final DropwizardAppExtension<WharfConfiguration> app = new DropwizardAppExtension<>(
            WharfApplication.class,
            ResourceHelpers.resourceFilePath("api-test.yml"),
            ConfigOverride.config("database.url", metadataUrl),
            ConfigOverride.config(
                    "dev.apiKeyFile", dataDir.resolve("dev-api-key").toString()),
            ConfigOverride.config("engine.h2.dataDir", dataDir.toString()),
            ConfigOverride.config("engine.h2.pgPort", Integer.toString(warehousePort)),
            ConfigOverride.config("engine.h2.tcpPort", Integer.toString(freePort())));

    String base() {
        return "http://127.0.0.1:" + app.getLocalPort();
    }

    /** The metadata database, for arranging what the API cannot create (users, other organizations, keys). */
    Jdbi metadata() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(metadataUrl);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return WharfJdbi.create(dataSource);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("wharf-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
