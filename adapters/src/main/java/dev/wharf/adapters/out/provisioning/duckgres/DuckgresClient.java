package dev.wharf.adapters.out.provisioning.duckgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.DomainException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.shared.Texts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * duckgres' control-plane API over HTTP: sends requests, reads JSON answers, and turns what went wrong into the
 * domain's error taxonomy. It keeps no request or answer after a call returns.
 */
final class DuckgresClient {
    static final String SECRET_HEADER = "X-Duckgres-Internal-Secret";
    private static final int MAX_ERROR_CHARS = 500;

    /** One answer from duckgres: its status, its JSON body (missing when the body is not JSON) and its text. */
    record Answer(int status, JsonNode json, String text) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** duckgres' {@code {"error": …}} text, else the first 500 characters of the body. */
        String error() {
            JsonNode error = json.path("error");
            String message = error.isTextual() ? error.asText() : text;
            return Texts.truncate(message, MAX_ERROR_CHARS);
        }
    }

    private final DuckgresEngineSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    DuckgresClient(DuckgresEngineSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    Answer get(String path, Duration timeout) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), timeout);
    }

    Answer delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), settings.requestTimeout());
    }

    Answer post(String path, ObjectNode body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON request body", e);
        }
        return send("POST", path, HttpRequest.BodyPublishers.ofString(text), settings.requestTimeout());
    }

    /**
     * The domain error for a refusal: 404, 409 and 400 keep duckgres' words; 401 and 403 say that duckgres refused
     * Wharf's credentials (Wharf is misconfigured: duckgres is up); anything else is a gateway error.
     */
    static DomainException refusal(String method, String path, Answer answer) {
        return switch (answer.status()) {
            case 404 -> new NotFoundException(answer.error());
            case 409 -> new ConflictException(answer.error());
            case 400 -> new RuleViolationException(answer.error());
            case 401, 403 ->
                new BackendUnavailableException(
                        Reason.CREDENTIALS_REFUSED,
                        "duckgres refused Wharf's credentials (" + answer.status() + " to " + method + " " + path + ": "
                                + answer.error() + "); check engine.duckgres.internalSecret",
                        null);
            default ->
                new BackendUnavailableException(
                        Reason.UNREACHABLE,
                        "duckgres answered " + answer.status() + " to " + method + " " + path + ": " + answer.error(),
                        null);
        };
    }

    private Answer send(String method, String path, HttpRequest.BodyPublisher body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body);
        if (settings.internalSecret() != null) {
            request.header(SECRET_HEADER, settings.internalSecret());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (HttpTimeoutException e) {
            throw new BackendUnavailableException(
                    Reason.TIMEOUT, "duckgres did not answer " + method + " " + path + " within " + timeout, e);
        } catch (IOException e) {
            throw new BackendUnavailableException(
                    Reason.UNREACHABLE,
                    "duckgres at " + settings.baseUrl() + " is unreachable (" + method + " " + path + ": "
                            + e.getClass().getSimpleName() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException(
                    Reason.UNREACHABLE, "interrupted while waiting for duckgres (" + method + " " + path + ")", e);
        }
    }

    private URI uri(String path) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1" + path);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }
}
