package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pipeline workers reporting jobs as fast as they can, for the shutdown test. Each thread starts a job (with a
 * {@code workflow_run_id} of its own), reports its rows five times, finishes it with a last count and Completed, and
 * starts again, until its first failed request. It remembers what the server acknowledged with a 2xx, per job, and
 * the one request of each thread that failed.
 */
final class JobReportLoad {
    static final String RUN_PREFIX = "shutdown-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last acknowledged state of a job: its rows, and whether Completed was acknowledged. */
    record Acknowledged(long rows, boolean finished) {}

    /** A request without a 2xx: its status (0 when no answer came) or the transport error, and when. */
    record Failure(long atNanos, String request, int status, String answer) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String api;
    private final String key;
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** Starts one thread per entry of {@code sources}: project id and a source of it. */
    JobReportLoad(int port, String key, List<Map.Entry<Long, String>> sources) {
        this.api = "http://127.0.0.1:" + port + "/api/projects/";
        this.key = key;
        for (Map.Entry<Long, String> source : sources) {
            Thread thread = new Thread(() -> report(source.getKey(), source.getValue()), "job-report-load");
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    Map<String, Acknowledged> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Whether every thread has stopped at a failure. */
    boolean allFailed() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Waits until {@code jobs} jobs are acknowledged Completed; fails at any failure before, or after 60 s. */
    void awaitFinishedJobs(int jobs) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.values().stream().filter(Acknowledged::finished).count() < jobs) {
            assertThat(failures).as("failures before SIGTERM").isEmpty();
            assertThat(System.nanoTime())
                    .as("%d finished jobs within 60 s", jobs)
                    .isLessThan(deadline);
            Pause.millis(50);
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(40_000);
        }
    }

    private void report(long project, String source) {
        String jobs = api + project + "/data_warehouse/jobs/";
        while (running) {
            String body = "{\"kind\": \"import\", \"source_id\": \"" + source
                    + "\", \"schema_name\": \"orders\", \"workflow_run_id\": \"" + RUN_PREFIX + UUID.randomUUID()
                    + "\"}";
            String id = send("POST", jobs, body, 201);
            if (id == null) {
                return;
            }
            acknowledged.put(id, new Acknowledged(0, false));
            long rows = 0;
            for (int i = 0; i < 5; i++) {
                long next = rows + 1 + ThreadLocalRandom.current().nextInt(1000);
                if (send("PATCH", jobs + id + "/", "{\"rows\": " + next + "}", 200) == null) {
                    return;
                }
                rows = next;
                acknowledged.put(id, new Acknowledged(rows, false));
            }
            String finish = "{\"rows\": " + (rows + 1) + ", \"status\": \"Completed\"}";
            if (send("PATCH", jobs + id + "/", finish, 200) == null) {
                return;
            }
            acknowledged.put(id, new Acknowledged(rows + 1, true));
        }
    }

    /** The job id of the answer, or null after recording a failure. */
    private String send(String method, String url, String body, int expected) {
        String what = method + " " + url + " " + body;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                failures.add(new Failure(System.nanoTime(), what, response.statusCode(), response.body()));
                return null;
            }
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            failures.add(new Failure(System.nanoTime(), what, 0, e.toString()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
