package dev.wharf.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL server the tests of this JVM use, resolved once: {@code WHARF_TEST_POSTGRES_URL}, else the
 * local server on 127.0.0.1:5432, else a Testcontainers {@code postgres:15} container. When none is reachable
 * a test fails under {@code CI=true} and is aborted (reported as skipped) elsewhere; never silently.
 */
final class PostgresServer {
    static final String URL_ENV = "WHARF_TEST_POSTGRES_URL";
    static final String USER_ENV = "WHARF_TEST_POSTGRES_USER";
    static final String PASSWORD_ENV = "WHARF_TEST_POSTGRES_PASSWORD";
    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String START_LOCAL_COMMAND =
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
    private static final String CONTAINER_IMAGE = "postgres:15";
    private static final int CONNECT_TIMEOUT_SECONDS = 2;

    private final String url;
    private final String username;
    private final String password;

    PostgresServer(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password == null ? "" : password;
    }

    String url() {
        return url;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** An administrative connection to the server's database (not to any test schema). */
    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, properties);
    }

    /** The server of this JVM; fails (CI) or aborts (elsewhere) the calling test when there is none. */
    static PostgresServer resolved() {
        Resolution resolution = Holder.RESOLUTION;
        if (resolution.server() != null) {
            return resolution.server();
        }
        if ("true".equals(System.getenv("CI"))) {
            return Assertions.fail(resolution.message());
        }
        return Assumptions.abort(resolution.message());
    }

    /** The explanation shown when no server is reachable: what was tried and how to provide one. */
    static String unavailableMessage(List<String> attempts) {
        StringJoiner tried = new StringJoiner("\n  - ", "  - ", "");
        attempts.forEach(tried::add);
        return "PostgreSQL is required for this test, but no PostgreSQL server is reachable.\n"
                + "Tried:\n" + tried + "\n"
                + "Provide one in any of these ways, then run the tests again:\n"
                + "  - start the local cluster (as root): " + START_LOCAL_COMMAND + "\n"
                + "  - or set " + URL_ENV + "=jdbc:postgresql://<host>:<port>/<database> (user and password in the"
                + " URL query or in " + USER_ENV + " / " + PASSWORD_ENV + ")\n"
                + "  - or run Docker, so that Testcontainers can start " + CONTAINER_IMAGE + "\n"
                + "With CI=true this fails the test; otherwise the test is skipped.";
    }

    /** Parameters from the query of a JDBC URL, decoded, in order. */
    static Map<String, String> queryParameters(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = url.indexOf('?');
        if (question < 0) {
            return parameters;
        }
        for (String pair : url.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(key, URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** The URL without the named query parameters (the rest kept verbatim). */
    static String withoutParameters(String url, Set<String> names) {
        int question = url.indexOf('?');
        if (question < 0) {
            return url;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : url.substring(question + 1).split("&")) {
            String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!pair.isEmpty() && !names.contains(key)) {
                kept.add(pair);
            }
        }
        String base = url.substring(0, question);
        return kept.length() == 0 ? base : base + "?" + kept;
    }

    /** The URL selecting {@code schema} as the only schema on the search path. */
    static String withCurrentSchema(String url, String schema) {
        String base = withoutParameters(url, Set.of("currentSchema"));
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static Resolution resolve() {
        List<String> attempts = new ArrayList<>();
        try {
            String configured = System.getenv(URL_ENV);
            PostgresServer server = configured != null && !configured.isBlank()
                    ? reachable(fromEnvironment(configured), URL_ENV + "=" + redacted(configured), attempts)
                    : fallBack(attempts);
            return server != null ? new Resolution(server, null) : unavailable(attempts);
        } catch (Exception | LinkageError e) {
            attempts.add("unexpected failure: " + e);
            return unavailable(attempts);
        }
    }

    private static PostgresServer fallBack(List<String> attempts) {
        PostgresServer local = reachable(new PostgresServer(LOCAL_URL, "postgres", ""), LOCAL_URL, attempts);
        if (local != null) {
            return local;
        }
        // Asked only now: Testcontainers logs an ERROR when Docker is absent.
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            attempts.add("Docker (for Testcontainers " + CONTAINER_IMAGE + "): not available");
            return null;
        }
        return reachable(startContainer(), "Testcontainers " + CONTAINER_IMAGE, attempts);
    }

    private static PostgresServer fromEnvironment(String configured) {
        Map<String, String> parameters = queryParameters(configured);
        String user = parameters.getOrDefault("user", orDefault(System.getenv(USER_ENV), "postgres"));
        String password = parameters.getOrDefault("password", orDefault(System.getenv(PASSWORD_ENV), ""));
        return new PostgresServer(withoutParameters(configured, Set.of("user", "password")), user, password);
    }

    private static PostgresServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(CONTAINER_IMAGE));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "wharf-test-postgres-stop"));
        return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static PostgresServer reachable(PostgresServer server, String description, List<String> attempts) {
        try (Connection connection = server.connect()) {
            if (connection.isValid(CONNECT_TIMEOUT_SECONDS)) {
                return server;
            }
            attempts.add(description + " (user " + server.username() + "): connection not valid");
            return null;
        } catch (SQLException e) {
            attempts.add(description + " (user " + server.username() + "): " + e.getMessage());
            return null;
        }
    }

    private static Resolution unavailable(List<String> attempts) {
        String message = unavailableMessage(attempts);
        System.err.println("[wharf-test] " + message);
        return new Resolution(null, message);
    }

    private static String redacted(String url) {
        return queryParameters(url).containsKey("password") ? withoutParameters(url, Set.of("password")) : url;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    @Override
    public String toString() {
        return "PostgresServer[" + url + ", user " + username + "]";
    }

    private record Resolution(PostgresServer server, String message) {}

    /** Lazy, thread-safe, once per JVM (the class loader initialises it on first use). */
    private static final class Holder {
        static final Resolution RESOLUTION = resolve();
    }
}
