package dev.wharf.bootstrap.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The suite's HTTP client: every answer it receives is checked against the OpenAPI document before the test sees it,
 * and an answer the document does not allow fails the test.
 */
final class ContractClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final OpenApiDocument document;

    ContractClient(String base, OpenApiDocument document) {
        this.base = base;
        this.document = document;
    }

    /** An answer: the status, the parsed body (null when it is not JSON) and the raw text. */
    record Answer(int status, JsonNode json, String text, HttpResponse<String> response) {
        String error() {
            return json == null || !json.has("error") ? null : json.get("error").asText();
        }
    }

    Answer get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    Answer post(String path, String key, String contentType, String body) {
        return send("POST", path, key, contentType, body);
    }

    Answer postJson(String path, String key, String body) {
        return post(path, key, "application/json", body);
    }

    Answer send(String method, String path, String key, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Answer answer = exchange(request.build());
        SecretLedger.answered(method, path, answer);
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        List<String> problems = document.problems(
                method, pathOnly, answer.status(), answer.response().headers(), answer.text());
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " does not match the OpenAPI document "
                    + OpenApiDocument.FILE + ":\n  " + String.join("\n  ", problems) + "\nstatus " + answer.status()
                    + ", body: " + abbreviate(answer.text()));
        }
        return answer;
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException notJson) {
                // keep the text
            }
            return new Answer(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
