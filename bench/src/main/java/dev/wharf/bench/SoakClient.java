package dev.wharf.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's HTTP client: requests to {@code BASE/api/projects/<id><path>} with the key, and per kind of request the
 * latency of every answer and the errors (an answer other than 2xx, a transport failure), the first ten in full.
 */
final class SoakClient {
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    final List<String> firstErrors = new ArrayList<>();
    private final String base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    SoakClient(String base, String key) {
        this.base = base;
        this.key = key;
    }

    /** GET, not recorded (for the set-up). */
    HttpResponse<String> fetch(long project, String path) throws IOException, InterruptedException {
        return http.send(get(project, path), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest get(long project, String path) {
        return request(project, path).GET().build();
    }

    HttpRequest post(long project, String path, String body) {
        return request(project, path)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    HttpRequest patch(long project, String path, String body) {
        return request(project, path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpRequest.Builder request(long project, String path) {
        return HttpRequest.newBuilder(URI.create(base + "/api/projects/" + project + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
    }

    /** Sends and records; null on a transport failure. */
    HttpResponse<String> send(String kind, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> new Latencies()).add((System.nanoTime() - t0) / 1000);
            if (response.statusCode() / 100 != 2) {
                error(
                        kind,
                        response.statusCode(),
                        request.method() + " " + request.uri().getPath() + " -> " + response.body());
            }
            return response;
        } catch (IOException e) {
            latencies.computeIfAbsent(kind, k -> new Latencies()).add((System.nanoTime() - t0) / 1000);
            error(kind, 0, request.method() + " " + request.uri().getPath() + " -> " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void error(String kind, int status, String what) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        synchronized (firstErrors) {
            if (firstErrors.size() < 10) firstErrors.add(kind + " " + status + " " + what);
        }
    }

    long total() {
        return latencies.values().stream().mapToLong(Latencies::count).sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Latencies in microseconds, appended by many threads. */
    static final class Latencies {
        private long[] values = new long[1 << 12];
        private int size;

        synchronized void add(long micros) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = micros;
        }

        synchronized long count() {
            return size;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
