package dev.wharf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook benchmark's driver (bench/webhooks starts Wharf and runs it): job reports per second that fail their job
 * (each publishes job.failed) without a subscription and with one; the time from a report's answer (its commit) to
 * the receiver getting its delivery, p50 and p99, on loopback; and Wharf's resident set with 10,000 deliveries queued
 * for a receiver that is down.
 *
 * <p>java -cp wharf.jar:wharf-bench.jar dev.wharf.bench.WebhookBench --base URL --key KEY --project 1 --source ID --pid PID
 * [--duration 20] [--connections 16] [--latency 300] [--queued 10000]
 */
public final class WebhookBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;
    private final long project;
    private final String source;
    private final Map<String, Long> received = new ConcurrentHashMap<>();

    private WebhookBench(String base, String key, long project, String source) {
        this.base = base;
        this.key = key;
        this.project = project;
        this.source = source;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].substring(2), args[i + 1]);
        WebhookBench bench =
                new WebhookBench(a.get("base"), a.get("key"), Long.parseLong(a.get("project")), a.get("source"));
        long pid = Long.parseLong(a.get("pid"));
        int duration = Integer.parseInt(a.getOrDefault("duration", "20"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "16"));

        bench.reportsPerSecond(connections, 5); // warm-up: the JIT, the pool, the caches
        double without = bench.reportsPerSecond(connections, duration);
        System.out.printf("REPORTS without a subscription: %.1f failed-job reports/s%n", without);
        HttpServer receiver = bench.receiver();
        int port = receiver.getAddress().getPort();
        String hook = bench.subscribe("http://127.0.0.1:" + port + "/hook");
        double with = bench.reportsPerSecond(connections, duration);
        System.out.printf(
                "REPORTS with a subscription: %.1f failed-job reports/s (%.1f%% of without)%n",
                with, 100 * with / without);
        bench.quiet(Duration.ofSeconds(3), Duration.ofMinutes(2));
        System.out.printf("DRAINED %d deliveries of the loaded run%n", bench.received.size());
        bench.latency(Integer.parseInt(a.getOrDefault("latency", "300")));
        bench.delete(hook);
        receiver.stop(0);

        long before = Soak.rssKb(pid);
        String down = bench.subscribe("http://127.0.0.1:" + port + "/hook");
        int queued = Integer.parseInt(a.getOrDefault("queued", "10000"));
        long started = System.nanoTime();
        bench.fail(queued, connections);
        System.out.printf(
                "QUEUED %d deliveries for a receiver that is down in %.1f s%n",
                queued, (System.nanoTime() - started) / 1e9);
        Thread.sleep(15_000);
        long after = Soak.rssKb(pid);
        System.out.printf(
                "RSS with %d deliveries queued: %d MB (before: %d MB)%n", queued, after / 1024, before / 1024);
        bench.delete(down);
    }

    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.putIfAbsent(body.path("data").path("job_id").asText(), at);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Failed-job reports (start, then PATCH Failed) per second over {@code seconds}, on {@code connections}. */
    private double reportsPerSecond(int connections, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    failOne();
                    done.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return done.get() / (double) seconds;
    }

    private void fail(int jobs, int connections) throws Exception {
        AtomicLong left = new AtomicLong(jobs);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) failOne();
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    /** Starts an import and fails it; returns its id once the failure is answered (committed). */
    private String failOne() throws IOException, InterruptedException {
        JsonNode job = JSON.readTree(send(
                        "POST",
                        "/data_warehouse/jobs/",
                        "{\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"bench\"}")
                .body());
        String id = job.path("id").asText();
        send("PATCH", "/data_warehouse/jobs/" + id + "/", "{\"status\": \"Failed\", \"latest_error\": \"bench\"}");
        return id;
    }

    /** Waits until no delivery arrived for {@code still} (the backlog of the loaded run is sent), at most {@code max}. */
    private void quiet(Duration still, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int seen = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (received.size() != seen) {
                seen = received.size();
                since = System.nanoTime();
            } else if (System.nanoTime() - since > still.toNanos()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Sequential failures; the time from each answer to its delivery. */
    private void latency(int reports) throws Exception {
        Map<String, Long> answered = new java.util.HashMap<>();
        for (int i = 0; i < reports; i++) {
            String id = failOne();
            answered.put(id, System.nanoTime());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!received.keySet().containsAll(answered.keySet()) && System.nanoTime() < deadline) Thread.sleep(20);
        long[] millis = answered.entrySet().stream()
                .filter(e -> received.containsKey(e.getKey()))
                .mapToLong(e -> TimeUnit.NANOSECONDS.toMicros(received.get(e.getKey()) - e.getValue()))
                .sorted()
                .toArray();
        System.out.printf(
                "LATENCY commit to receipt over %d deliveries (%d missing): p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n",
                millis.length,
                reports - millis.length,
                SoakReport.percentile(millis, 50),
                SoakReport.percentile(millis, 99),
                millis.length == 0 ? 0 : millis[millis.length - 1] / 1000.0);
    }

    private String subscribe(String url) throws IOException, InterruptedException {
        HttpResponse<String> created =
                send("POST", "/data_warehouse/webhooks/", "{\"url\": \"" + url + "\", \"events\": [\"job.failed\"]}");
        if (created.statusCode() != 201) throw new IllegalStateException("subscribe: " + created.body());
        return JSON.readTree(created.body()).path("id").asText();
    }

    private void delete(String hook) throws IOException, InterruptedException {
        send("DELETE", "/data_warehouse/webhooks/" + hook + "/", null);
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/projects/" + project + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
