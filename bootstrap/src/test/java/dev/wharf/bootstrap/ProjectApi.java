package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A running Wharf's project API, called with one key: {@code http://127.0.0.1:<port>/api/projects/<id><path>}. */
final class ProjectApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String key;

    ProjectApi(int port, String key) {
        this.port = port;
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The answer; a transport failure fails the test. {@code body} is JSON, or null for none. */
    HttpResponse<String> call(String method, long project, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/projects/" + project + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** Asks for a warehouse named {@code database} (202). */
    void provision(long project, String database) {
        HttpResponse<String> answer =
                call("POST", project, "/data_warehouse/provision/", "{\"database_name\": \"" + database + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    /** Polls warehouse_status until the warehouse is in {@code state}; fails after 60 s. */
    void awaitState(long project, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = call("GET", project, "/data_warehouse/warehouse_status/", null);
            seen = status.body();
            if (status.statusCode() == 200 && seen.contains("\"state\":\"" + state + "\"")) {
                return;
            }
            Pause.millis(100);
        }
        throw new AssertionError("project " + project + " not " + state + " within 60 s: " + seen);
    }

    /** The id of the project's newest source. */
    String firstSource(long project) {
        HttpResponse<String> sources = call("GET", project, "/external_data_sources/?limit=1", null);
        try {
            return JSON.readTree(sources.body())
                    .path("results")
                    .path(0)
                    .path("id")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(sources.body(), e);
        }
    }
}
