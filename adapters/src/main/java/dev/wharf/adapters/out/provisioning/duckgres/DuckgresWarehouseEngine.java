package dev.wharf.adapters.out.provisioning.duckgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.adapters.out.provisioning.duckgres.DuckgresClient.Answer;
import dev.wharf.application.port.out.EngineProgress;
import dev.wharf.application.port.out.WarehouseConnection;
import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Warehouses on a duckgres control plane, driven through its provisioning API ({@code /api/v1/orgs/{org}/…}).
 * duckgres keeps one warehouse per "org"; Wharf uses the database name (after an optional configured prefix) as the
 * org id, because it is stable and unique among live warehouses, while Wharf's own project keys mean nothing to
 * duckgres.
 *
 * <p>duckgres runs its own state machine (pending, provisioning, ready, failed, deleting, deleted); {@link #provision}
 * and {@link #deprovision} read it and ask for the next step, so running either again after an interruption is safe.
 *
 * <p><b>Passwords.</b> duckgres generates the root password itself (on provision and on {@code POST reset-password})
 * and returns it once. The one provision returns is discarded unread: the first password comes from a reset once the
 * warehouse is ready. {@link #setPassword} sends Wharf's proposal as {@code {"password": …}} in the reset-password
 * body; a duckgres that honours it puts that one in force, and stock duckgres, which ignores the body, answers with a
 * password of its own (32 random bytes, base64url), which is returned to the caller once instead, never kept. Ending
 * sessions opened with the old password is up to duckgres.
 *
 * <p>Errors: no answer in time is {@link Reason#TIMEOUT}, no connection {@link Reason#UNREACHABLE}; duckgres' 404, 409
 * and 400 become not found, conflict and rule violation with duckgres' message; any other refusal is unreachable.
 */
public final class DuckgresWarehouseEngine implements WarehouseEngine {
    /** duckgres cannot be asked whether it serves TLS: clients use it when offered, as libpq does by default. */
    static final String SSL_MODE = "prefer";

    private static final DatabaseName HEALTH_PROBE = new DatabaseName("wharf-health-probe");
    static final String ROOT = "root";
    private static final int MIN_GENERATED_LENGTH = 32;
    private static final LoginName ROOT_LOGIN = new LoginName(ROOT);

    private final DuckgresEngineSettings settings;
    private final DuckgresClient client;

    public DuckgresWarehouseEngine(DuckgresEngineSettings settings) {
        this.settings = settings;
        this.client = new DuckgresClient(settings);
    }

    @Override
    public String name() {
        return "duckgres";
    }

    /** One request: its connect and its own timeout. */
    @Override
    public Duration longestPasswordCall() {
        return settings.connectTimeout().plus(settings.requestTimeout());
    }

    @Override
    public LoginName loginFor(DatabaseName database) {
        return ROOT_LOGIN;
    }

    /** The duckgres org id that holds {@code database}'s warehouse. */
    public String orgFor(DatabaseName database) {
        return settings.orgIdPrefix() + database.value();
    }

    @Override
    public EngineProgress provision(DatabaseName database, WarehouseTag tag) {
        Answer status = status(database);
        if (status.status() == 404) {
            return requestProvisioning(database);
        }
        String state = status.json().path("state").asText("");
        String message = message(status, "duckgres reports state " + state);
        return switch (state) {
            case "ready", "resharding" -> EngineProgress.done();
            case "failed" -> EngineProgress.failed(message);
            case "deleted" -> requestProvisioning(database);
            case "deleting" -> EngineProgress.inProgress("waiting for the previous warehouse to be deleted");
            default -> EngineProgress.inProgress(message);
        };
    }

    @Override
    public Password setPassword(DatabaseName database, Password password) {
        String path = orgPath(database, "/reset-password");
        ObjectNode body = client.object();
        body.put("password", password.reveal());
        Answer answer = client.post(path, body);
        if (!answer.isSuccess()) {
            throw DuckgresClient.refusal("POST", path, answer);
        }
        JsonNode returned = answer.json().path("password");
        if (!returned.isTextual() || returned.asText().equals(password.reveal())) {
            return password;
        }
        if (returned.asText().length() < MIN_GENERATED_LENGTH) {
            throw new BackendUnavailableException(
                    Reason.UNREACHABLE, "duckgres returned a password too short to hand out", null);
        }
        return new Password(returned.asText());
    }

    @Override
    public EngineProgress deprovision(DatabaseName database, WarehouseTag tag) {
        Answer status = status(database);
        if (status.status() == 404) {
            return EngineProgress.done();
        }
        String state = status.json().path("state").asText("");
        return switch (state) {
            case "deleted" -> EngineProgress.done();
            case "deleting" -> EngineProgress.inProgress(message(status, "Deprovisioning..."));
            case "pending" -> EngineProgress.inProgress("waiting for provisioning to start");
            default -> requestDeprovisioning(database);
        };
    }

    /**
     * Only what duckgres says for certain: the org is gone (a 404 with duckgres' own JSON error, not a proxy's page), or
     * the warehouse is failed, deleting or deleted. Any other state (provisioning again, one this version does not
     * know) is no problem yet.
     */
    @Override
    public Optional<String> problemWith(DatabaseName database, WarehouseTag tag) {
        Answer status = status(database);
        if (status.status() == 404) {
            return status.json().path("error").isTextual()
                    ? Optional.of("The warehouse " + database + " no longer exists on duckgres")
                    : Optional.empty();
        }
        String state = status.json().path("state").asText("");
        return switch (state) {
            case "failed", "deleting", "deleted" ->
                Optional.of("duckgres reports the warehouse " + state + ": " + message(status, "no message"));
            default -> Optional.empty();
        };
    }

    @Override
    public WarehouseConnection connection(DatabaseName database) {
        Answer status = status(database);
        JsonNode reported = status.json().path("connection");
        boolean ready =
                status.isSuccess() && "ready".equals(status.json().path("state").asText());
        String host = settings.publicHostSuffix() != null
                ? database.value() + "." + settings.publicHostSuffix()
                : ready && reported.path("host").isTextual()
                        ? reported.path("host").asText()
                        : settings.baseUrl().getHost();
        String name = ready ? reported.path("database").asText(database.value()) : database.value();
        String user = ready ? reported.path("username").asText(ROOT) : ROOT;
        String urlHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String url = "jdbc:postgresql://" + urlHost + ":" + settings.publicPort() + "/" + name + "?sslmode=" + SSL_MODE;
        return new WarehouseConnection(host, settings.publicPort(), name, user, url, SSL_MODE);
    }

    /** Whether duckgres would accept {@code database} as a new warehouse's name (no org uses it). */
    public boolean isNameAvailable(DatabaseName database) {
        String path = "/database-name/check?name=" + URLEncoder.encode(database.value(), StandardCharsets.UTF_8);
        Answer answer = client.get(path, settings.nameCheckTimeout());
        if (!answer.isSuccess()) {
            throw DuckgresClient.refusal("GET", path, answer);
        }
        return answer.json().path("available").asBoolean(false);
    }

    /** The status answer, 404 included; every other refusal is thrown. */
    private Answer status(DatabaseName database) {
        String path = orgPath(database, "/warehouse/status");
        Answer answer = client.get(path, settings.requestTimeout());
        if (!answer.isSuccess() && answer.status() != 404) {
            throw DuckgresClient.refusal("GET", path, answer);
        }
        return answer;
    }

    /** Asks for a new warehouse; the one-time password in the answer is dropped unread. */
    private EngineProgress requestProvisioning(DatabaseName database) {
        String path = orgPath(database, "/provision");
        ObjectNode body = client.object();
        body.put("database_name", database.value());
        body.putObject("metadata_store").put("type", "cnpg-shard");
        Answer answer = client.post(path, body);
        if (answer.isSuccess()) {
            return EngineProgress.inProgress("Provisioning requested");
        }
        if (answer.status() == 409 && status(database).status() != 404) {
            return EngineProgress.inProgress(answer.error()); // someone else's request got there first
        }
        throw DuckgresClient.refusal("POST", path, answer);
    }

    private EngineProgress requestDeprovisioning(DatabaseName database) {
        String path = orgPath(database, "/deprovision");
        Answer answer = client.post(path, client.object());
        if (answer.isSuccess()) {
            return EngineProgress.inProgress("Deprovisioning requested");
        }
        if (answer.status() == 404) {
            return EngineProgress.done();
        }
        if (answer.status() == 409) {
            return EngineProgress.inProgress(answer.error()); // the state moved on since the status call
        }
        throw DuckgresClient.refusal("POST", path, answer);
    }

    private String orgPath(DatabaseName database, String action) {
        return "/orgs/" + URLEncoder.encode(orgFor(database), StandardCharsets.UTF_8) + action;
    }

    private static String message(Answer status, String fallback) {
        String message = status.json().path("status_message").asText("");
        return message.isBlank() ? fallback : message;
    }

    /** A name check is the cheapest authenticated round trip duckgres offers. */
    @Override
    public void ping() {
        isNameAvailable(HEALTH_PROBE);
    }
}
