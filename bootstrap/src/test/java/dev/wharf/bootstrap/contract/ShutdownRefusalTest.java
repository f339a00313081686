package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.WharfApplication;
import dev.wharf.bootstrap.config.WharfConfiguration;
import dev.wharf.bootstrap.contract.OpenConnection.Answer;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Graceful shutdown, in process: while a request the server accepted is still being answered, a request that arrives
 * on a connection opened before is refused with the document's 503 (JSON, {@code Retry-After}, the connection closed)
 * and has done nothing, and the accepted one gets its normal answer.
 */
@Timeout(120)
class ShutdownRefusalTest {
    private static final String PREFIX = "wharfshutdown";
    private static final String SOURCES = "/api/projects/1/external_data_sources/";
    /** Sent a byte at a time: Jetty closes a connection that sends nothing for 1 s while the server stops. */
    private static final String ACCEPTED =
            "{\"source_type\": \"Stripe\", \"prefix\": \"accepted_\"" + " ".repeat(1_000) + "}";

    private static final String REFUSED = "{\"source_type\": \"Stripe\", \"prefix\": \"refused_\"}";

    private final TestDatabase database = TestDatabases.h2();
    private final Path data = temporaryDirectory();
    private final DropwizardTestSupport<WharfConfiguration> app = new DropwizardTestSupport<>(
            WharfApplication.class,
            ResourceHelpers.resourceFilePath("api-test.yml"),
            PREFIX,
            ConfigOverride.config(PREFIX, "database.url", database.jdbcUrl()),
            ConfigOverride.config(PREFIX, "database.user", database.username()),
            ConfigOverride.config(PREFIX, "database.password", database.password()),
            ConfigOverride.config(
                    PREFIX, "dev.apiKeyFile", data.resolve("dev-api-key").toString()),
            ConfigOverride.config(PREFIX, "server.shutdownGracePeriod", "30 seconds"));
    private CompletableFuture<Void> stopped;

    @AfterEach
    void stopEverything() {
        try {
            if (stopped == null) {
                app.after();
            } else {
                stopped.join();
            }
        } finally {
            database.close();
        }
    }

    @Test
    void aRequestArrivingDuringShutdownIsA503InJsonThatDidNothingAndTheAcceptedOneIsAnswered() throws Exception {
        OpenApiDocument document = OpenApiDocument.checkedIn();
        app.before();
        int port = app.getLocalPort();
        Answer refused;
        Answer answered;
        try (OpenConnection accepted = new OpenConnection(port);
                OpenConnection open = new OpenConnection(port)) {
            assertThat(open.get("/api/ping/").status()).isEqualTo(200);
            // Accepted and in flight: its headers and part of its body are sent, and the API waits for the rest.
            accepted.postJson(SOURCES, InProcessWharf.KEY, ACCEPTED, 10);
            AtomicBoolean finish = new AtomicBoolean();
            CompletableFuture<Void> rest = trickle(accepted, ACCEPTED.substring(10), finish);

            stopped = CompletableFuture.runAsync(app::after);
            awaitShutdownBegun();
            refused = open.postJson(SOURCES, InProcessWharf.KEY, REFUSED, REFUSED.length())
                    .read();
            finish.set(true);
            rest.join();
            answered = accepted.read();
            assertThat(open.closedByServer())
                    .as("the refused request's connection is closed")
                    .isTrue();
        }
        stopped.join();

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).isEqualTo("application/json");
        assertThat(refused.body()).isEqualTo("{\"error\":\"Wharf is shutting down; retry the request\"}");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("Connection")).isEqualTo("close");
        assertThat(document.problems("POST", SOURCES, 503, refused.headers(), refused.body()))
                .as("the 503 is the document's ShuttingDown")
                .isEmpty();
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(prefixes()).as("the sources stored").containsExactly("accepted_");
    }

    /** Writes {@code rest} a character every 20 ms, and what is left at once when {@code finish} is set. */
    private static CompletableFuture<Void> trickle(OpenConnection connection, String rest, AtomicBoolean finish) {
        return CompletableFuture.runAsync(() -> {
            int at = 0;
            for (; at < rest.length() - 1 && !finish.get(); at++) {
                connection.write(rest.substring(at, at + 1));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            connection.write(rest.substring(at));
        });
    }

    /** Waits until Jetty's graceful shutdown has begun: new requests are refused from then on. */
    private void awaitShutdownBegun() throws InterruptedException {
        GracefulHandler graceful =
                app.getEnvironment().getApplicationContext().getServer().getDescendant(GracefulHandler.class);
        assertThat(graceful).as("Dropwizard's graceful handler").isNotNull();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!graceful.isShutdown()) {
            assertThat(System.nanoTime()).as("shutdown begun within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private List<String> prefixes() throws SQLException {
        List<String> prefixes = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT prefix FROM external_data_source")) {
            while (rows.next()) {
                prefixes.add(rows.getString(1));
            }
        }
        return prefixes;
    }

    private static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("wharf-shutdown");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
