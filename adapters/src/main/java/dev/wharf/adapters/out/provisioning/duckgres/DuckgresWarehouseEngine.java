package dev.wharf.adapters.out.provisioning.duckgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.adapters.out.provisioning.duckgres.DuckgresClient.Answer;
import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.application.port.out.warehouse.WarehouseConnection;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Warehouses on a duckgres control plane, driven through its provisioning API ({@code /api/v1/orgs/{org}/…}).
 * duckgres keeps one warehouse per "org" and derives its Kubernetes objects, bucket and roles from the org id, which
 * must be a canonical UUID (or a short slug), stay fixed for the life of the warehouse and never be used for another.
 * Wharf's org id is therefore a name-based UUID of the {@link WarehouseTag} (the project and the moment the warehouse
 * was asked for, with the configured namespace): the same on every call for one warehouse, new for the next one, and
 * kept nowhere.
 *
 * <p>duckgres runs its own state machine (pending, provisioning, ready, failed, deleting, deleted); {@link #provision}
 * and {@link #deprovision} read it and ask for the next step, so running either again after an interruption is safe.
 * Once a warehouse is deleted its org row is removed ({@code DELETE /orgs/:id}), which frees its name in duckgres'
 * global name registry.
 *
 * <p><b>Passwords.</b> duckgres generates the root password itself (on provision and on {@code POST reset-password})
 * and returns it once. The one provision returns is discarded unread: the first password comes from a reset once the
 * warehouse is ready. {@link #setPassword} hands back the one duckgres generated (the proposal is not sent: duckgres
 * ignores any body), to be handed out once and never kept.
 *
 * <p>Errors: no answer in time is {@link Reason#TIMEOUT}, no connection {@link Reason#UNREACHABLE}; 401 and 403 are
 * {@link Reason#CREDENTIALS_REFUSED}; duckgres' 404, 409 and 400 become not found, conflict and rule violation with
 * duckgres' message, except on provision, where a 400 (or a name another org holds) ends provisioning failed with it:
 * asking again would be refused again.
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

    /** The duckgres org id of the warehouse tagged {@code tag}: a canonical lowercase UUID, derived, never stored. */
    public String orgFor(WarehouseTag tag) {
        String name = "wharf org\n" + settings.orgIdNamespace() + "\n" + tag.value();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public EngineProgress provision(DatabaseName database, WarehouseTag tag, Optional<SchemaName> schema) {
        String org = orgFor(tag);
        Answer status = status(org);
        if (status.status() == 404) {
            return requestProvisioning(org, database, tag, schema);
        }
        String state = status.json().path("state").asText("");
        String message = message(status, "duckgres reports state " + state);
        return switch (state) {
            case "ready", "resharding" -> EngineProgress.done();
            case "failed" -> EngineProgress.failed(message);
            case "deleted" -> requestProvisioning(org, database, tag, schema);
            case "deleting" -> EngineProgress.inProgress("waiting for the previous warehouse to be deleted");
            default -> EngineProgress.inProgress(message);
        };
    }

    /** duckgres ignores any body and generates the password itself: that one is returned, to be handed out once. */
    @Override
    public Password setPassword(DatabaseName database, WarehouseTag tag, Password proposed) {
        String path = orgPath(orgFor(tag), "/reset-password");
        Answer answer = client.post(path, client.object());
        if (!answer.isSuccess()) {
            throw DuckgresClient.refusal("POST", path, answer);
        }
        JsonNode returned = answer.json().path("password");
        if (!returned.isTextual() || returned.asText().length() < MIN_GENERATED_LENGTH) {
            throw new BackendUnavailableException(
                    Reason.UNREACHABLE, "duckgres returned no password, or one too short to hand out", null);
        }
        return new Password(returned.asText());
    }

    @Override
    public EngineProgress deprovision(DatabaseName database, WarehouseTag tag) {
        String org = orgFor(tag);
        Answer status = status(org);
        if (status.status() == 404) {
            return EngineProgress.done();
        }
        String state = status.json().path("state").asText("");
        return switch (state) {
            case "deleted" -> removeOrg(org);
            case "deleting" -> EngineProgress.inProgress(message(status, "Deprovisioning..."));
            case "pending" -> EngineProgress.inProgress("waiting for provisioning to start");
            default -> requestDeprovisioning(org);
        };
    }

    /**
     * Only what duckgres says for certain: the org is gone (a 404 with duckgres' own JSON error, not a proxy's page), or
     * the warehouse is failed, deleting or deleted. Any other state (provisioning again, one this version does not
     * know) is no problem yet.
     */
    @Override
    public Optional<String> problemWith(DatabaseName database, WarehouseTag tag) {
        Answer status = status(orgFor(tag));
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

    /**
     * What duckgres reports for a ready warehouse, as PostHog presents it: the host is {@code <database
     * name>.<suffix>} when a suffix is configured, the port the configured one, the database the configured one
     * ({@code ducklake}) unless none is.
     */
    @Override
    public WarehouseConnection connection(DatabaseName database, WarehouseTag tag) {
        Answer status = status(orgFor(tag));
        JsonNode reported = status.json().path("connection");
        boolean ready =
                status.isSuccess() && "ready".equals(status.json().path("state").asText());
        String host = settings.publicHostSuffix() != null
                ? database.value() + "." + settings.publicHostSuffix()
                : ready && reported.path("host").isTextual()
                        ? reported.path("host").asText()
                        : settings.baseUrl().getHost();
        String reportedName = ready ? reported.path("database").asText(database.value()) : database.value();
        String name = settings.database() != null ? settings.database() : reportedName;
        String user = ready ? reported.path("username").asText(ROOT) : ROOT;
        String urlHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String url = "jdbc:postgresql://" + urlHost + ":" + settings.publicPort() + "/" + name + "?sslmode=" + SSL_MODE;
        return new WarehouseConnection(host, settings.publicPort(), name, user, url, SSL_MODE);
    }

    /** duckgres' names are global across its orgs, whoever made them: it is asked, within its 10 s. */
    @Override
    public Optional<Boolean> isNameTaken(DatabaseName database) {
        String path = "/database-name/check?name=" + URLEncoder.encode(database.value(), StandardCharsets.UTF_8);
        Answer answer = client.get(path, settings.nameCheckTimeout());
        if (!answer.isSuccess()) {
            throw DuckgresClient.refusal("GET", path, answer);
        }
        JsonNode available = answer.json().path("available");
        if (!available.isBoolean()) {
            throw new BackendUnavailableException(
                    Reason.UNREACHABLE, "duckgres' name check answered without \"available\"", null);
        }
        return Optional.of(!available.asBoolean());
    }

    /** The status answer, 404 included; every other refusal is thrown. */
    private Answer status(String org) {
        String path = orgPath(org, "/warehouse/status");
        Answer answer = client.get(path, settings.requestTimeout());
        if (!answer.isSuccess() && answer.status() != 404) {
            throw DuckgresClient.refusal("GET", path, answer);
        }
        return answer;
    }

    /** Asks for a new warehouse; the one-time password in the answer is dropped unread. */
    private EngineProgress requestProvisioning(
            String org, DatabaseName database, WarehouseTag tag, Optional<SchemaName> schema) {
        String path = orgPath(org, "/provision");
        Answer answer = client.post(path, provisionBody(database, tag, schema));
        if (answer.isSuccess()) {
            return EngineProgress.inProgress("Provisioning requested");
        }
        if (answer.status() == 400) {
            return EngineProgress.failed("duckgres refused the warehouse: " + answer.error());
        }
        if (answer.status() == 409) {
            if (status(org).status() != 404) {
                return EngineProgress.inProgress(answer.error()); // our own earlier request got there first
            }
            return EngineProgress.failed("duckgres refused the warehouse: " + answer.error()); // another org's name
        }
        throw DuckgresClient.refusal("POST", path, answer);
    }

    private ObjectNode provisionBody(DatabaseName database, WarehouseTag tag, Optional<SchemaName> schema) {
        ObjectNode body = client.object();
        body.put("database_name", database.value());
        tag.projectId().ifPresent(project -> body.put("team_id", project.value()));
        schema.ifPresent(name -> body.put("schema_name", name.value()));
        body.putObject("ducklake").put("enabled", true);
        body.set("metadata_store", client.tree(settings.metadataStore()));
        if (settings.dataStore() != null) {
            body.set("data_store", client.tree(settings.dataStore()));
        }
        return body;
    }

    private EngineProgress requestDeprovisioning(String org) {
        String path = orgPath(org, "/deprovision");
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

    /** Removes the deleted warehouse's org row, which frees its name; asked again on every pass until it is gone. */
    private EngineProgress removeOrg(String org) {
        String path = orgPath(org, "");
        Answer answer = client.delete(path);
        if (answer.isSuccess() || answer.status() == 404) {
            return EngineProgress.done();
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw DuckgresClient.refusal("DELETE", path, answer);
        }
        return EngineProgress.inProgress("waiting for duckgres to remove the org: " + answer.error());
    }

    private static String orgPath(String org, String action) {
        return "/orgs/" + URLEncoder.encode(org, StandardCharsets.UTF_8) + action;
    }

    private static String message(Answer status, String fallback) {
        String message = status.json().path("status_message").asText("");
        return message.isBlank() ? fallback : message;
    }

    /** A name check is the cheapest authenticated round trip duckgres offers. */
    @Override
    public void ping() {
        isNameTaken(HEALTH_PROBE);
    }
}
