import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's load driver (bench/soak starts Wharf and runs it): a fixed pool of CONNECTIONS threads, each looping over
 * a mix of reads (warehouse_status, running_activity, total_rows_stats, completed_activity, job_stats) and job reports
 * (POST a job, PATCH its rows a few times, PATCH a terminal status: each thread carries its job from one step to the
 * next), plus password resets on a fixed schedule that stays under the rate limit. Any answer other than 2xx, and any
 * transport failure, is an error. Every 10 s it samples the server's resident set (ps -o rss=).
 *
 * <p>java -cp bootstrap/target/wharf.jar bench/Soak.java --base URL --key KEY --projects 1,2 --pid PID
 * [--duration 600] [--connections 64] [--resets-per-minute 20] [--warmup SECONDS]
 */
public class Soak {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] READS = {
        "warehouse_status", "running_activity", "total_rows_stats", "completed_activity", "job_stats"
    };
    static final String[] TERMINAL = {"Completed", "Completed", "Completed", "Failed", "Cancelled"};

    final Map<String, String> args;
    final String base;
    final String key;
    final long[] projects;
    final Map<Long, List<String>> sources = new HashMap<>();
    final HttpClient http;
    final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    final List<String> firstErrors = new ArrayList<>();
    final AtomicLong nextResetNanos = new AtomicLong();
    final AtomicLong resetCount = new AtomicLong();
    final long resetEveryNanos;
    volatile boolean running = true;

    Soak(Map<String, String> args) {
        this.args = args;
        this.base = required("base");
        this.key = required("key");
        this.projects = Arrays.stream(required("projects").split(",")).mapToLong(Long::parseLong).toArray();
        int perMinute = Integer.parseInt(args.getOrDefault("resets-per-minute", "20"));
        this.resetEveryNanos = TimeUnit.MINUTES.toNanos(1) / Math.max(1, perMinute * projects.length);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new Soak(args).run();
    }

    void run() throws Exception {
        long pid = Long.parseLong(required("pid"));
        int connections = Integer.parseInt(args.getOrDefault("connections", "64"));
        long duration = Long.parseLong(args.getOrDefault("duration", "600"));
        long warmup = Long.parseLong(args.getOrDefault("warmup", Long.toString(Math.min(120, duration / 5))));
        for (long project : projects) {
            HttpResponse<String> answer = http.send(get(project, "/external_data_sources/?limit=50"),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) throw new IllegalStateException("sources of " + project + ": " + answer.body());
            JsonNode page = JSON.readTree(answer.body());
            List<String> ids = new ArrayList<>();
            page.path("results").forEach(s -> ids.add(s.path("id").asText()));
            if (ids.isEmpty()) throw new IllegalStateException("project " + project + " has no sources");
            sources.put(project, ids);
        }
        System.err.printf("soak: %d connections for %d s (warm-up %d s), resets every %d ms%n",
                connections, duration, warmup, TimeUnit.NANOSECONDS.toMillis(resetEveryNanos));
        TreeMap<Long, Long> rss = new TreeMap<>();
        long started = System.nanoTime();
        nextResetNanos.set(started);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) pool.execute(this::worker);
        long end = started + TimeUnit.SECONDS.toNanos(duration);
        for (long t = 0; ; t += 10) {
            long at = started + TimeUnit.SECONDS.toNanos(t);
            while (System.nanoTime() < Math.min(at, end)) Thread.sleep(Math.max(1, (Math.min(at, end) - System.nanoTime()) / 1_000_000));
            long second = (System.nanoTime() - started) / 1_000_000_000L;
            rss.put(second, rssKb(pid));
            System.err.printf("soak: %4d s  rss %4d MB  requests %8d  errors %d%n",
                    second, rss.lastEntry().getValue() / 1024, total(), errorCount());
            if (System.nanoTime() >= end) break;
        }
        running = false;
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
        report(rss, warmup, seconds);
    }

    void worker() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Job job = null;
        while (running) {
            long now = System.nanoTime();
            long due = nextResetNanos.get();
            if (now >= due && nextResetNanos.compareAndSet(due, due + resetEveryNanos)) {
                long project = projects[(int) (resetCount.getAndIncrement() % projects.length)];
                send("reset_password", post(project, "/data_warehouse/reset-password/", null));
            } else if (random.nextBoolean()) {
                read(projects[random.nextInt(projects.length)], READS[random.nextInt(READS.length)], random);
            } else {
                job = step(job, random);
            }
        }
    }

    void read(long project, String kind, ThreadLocalRandom random) {
        String query = switch (kind) {
            case "running_activity" -> "?limit=20&offset=0&cutoff_days=30";
            case "completed_activity" -> "?limit=20&offset=" + 20 * random.nextInt(3) + "&outcome="
                    + new String[] {"all", "completed", "failed"}[random.nextInt(3)];
            case "job_stats" -> "?days=" + new int[] {1, 7, 30}[random.nextInt(3)];
            default -> "";
        };
        send(kind, get(project, "/data_warehouse/" + kind + "/" + query));
    }

    /** One step of a job report: start it, report rows (3 to 5 times), then finish it; null when it has ended. */
    Job step(Job job, ThreadLocalRandom random) {
        if (job == null) {
            long project = projects[random.nextInt(projects.length)];
            List<String> ids = sources.get(project);
            String body = "{\"kind\": \"import\", \"source_id\": \"" + ids.get(random.nextInt(ids.size()))
                    + "\", \"schema_name\": \"soak\", \"workflow_run_id\": \"soak-" + random.nextLong(1L << 40) + "\"}";
            HttpResponse<String> started = send("job_start", post(project, "/data_warehouse/jobs/", body));
            if (started == null || started.statusCode() != 201) return null;
            try {
                JsonNode created = JSON.readTree(started.body());
                if (!"Running".equals(created.path("status").asText())) return null; // a row limit, not an error
                return new Job(project, created.path("id").asText(), 0, 3 + random.nextInt(3));
            } catch (IOException e) {
                error("job_start", 201, "unreadable body: " + started.body());
                return null;
            }
        }
        String path = "/data_warehouse/jobs/" + job.id() + "/";
        if (job.reportsLeft() > 0) {
            long rows = job.rows() + 1 + random.nextInt(5000);
            HttpResponse<String> answer = send("job_rows", patch(job.project(), path, "{\"rows\": " + rows + "}"));
            return answer == null || answer.statusCode() != 200 ? null
                    : new Job(job.project(), job.id(), rows, job.reportsLeft() - 1);
        }
        String status = TERMINAL[random.nextInt(TERMINAL.length)];
        String body = status.equals("Failed")
                ? "{\"status\": \"Failed\", \"latest_error\": \"soak: source went away\"}"
                : "{\"status\": \"" + status + "\"}";
        send("job_finish", patch(job.project(), path, body));
        return null;
    }

    HttpRequest.Builder request(long project, String path) {
        return HttpRequest.newBuilder(URI.create(base + "/api/projects/" + project + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
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

    /** Sends and records; null on a transport failure. */
    HttpResponse<String> send(String kind, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> new Latencies()).add((System.nanoTime() - t0) / 1000);
            if (response.statusCode() / 100 != 2) {
                error(kind, response.statusCode(), request.method() + " " + request.uri().getPath() + " -> "
                        + response.body());
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

    void report(TreeMap<Long, Long> rss, long warmup, long seconds) {
        System.out.printf("%n%-19s %10s %8s %8s %9s %9s%n", "kind", "requests", "req/s", "errors", "p50 ms", "p99 ms");
        for (String kind : new TreeMap<>(latencies).keySet()) {
            Latencies l = latencies.get(kind);
            long[] sorted = l.sorted();
            System.out.printf("%-19s %10d %8.1f %8d %9.2f %9.2f%n", kind, sorted.length, (double) sorted.length / seconds,
                    errors.getOrDefault(kind, new AtomicLong()).get(), percentile(sorted, 50), percentile(sorted, 99));
        }
        System.out.printf("%-19s %10d %8.1f %8d%n", "all", total(), (double) total() / seconds, errorCount());
        if (!firstErrors.isEmpty()) {
            System.out.println("\nfirst errors:");
            firstErrors.forEach(e -> System.out.println("  " + e));
        }
        Map.Entry<Long, Long> warm = rss.ceilingEntry(warmup);
        long last = rss.lastEntry().getValue();
        long max = rss.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double growth = warm == null || warm.getValue() == 0 ? 0 : 100.0 * (last - warm.getValue()) / warm.getValue();
        System.out.println("\nRSS (MB) every 10 s: " + rss.values().stream().map(kb -> Long.toString(kb / 1024)).toList());
        System.out.printf("RSS at end of warm-up (%d s): %d MB, at end: %d MB, growth %.1f%%, max %d MB%n",
                warm == null ? 0 : warm.getKey(), warm == null ? 0 : warm.getValue() / 1024, last / 1024, growth, max / 1024);
        long errorTotal = errorCount();
        boolean met = errorTotal == 0 && growth < 10;
        System.out.printf("%nSOAK errors=%d rss_growth=%.1f%% %s%n", errorTotal, growth, met ? "MET" : "MISSED");
        System.out.printf("TARGET soak/errors measured=%d goal=0 %s%n", errorTotal, errorTotal == 0 ? "MET" : "MISSED");
        System.out.printf("TARGET soak/rss_growth measured=%.1f%% goal=<10%% %s%n", growth, growth < 10 ? "MET" : "MISSED");
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    static long rssKb(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).start();
            String out = new String(ps.getInputStream().readAllBytes()).strip();
            ps.waitFor();
            if (out.isEmpty()) throw new IllegalStateException("the server (pid " + pid + ") is gone");
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String required(String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("--" + name + " is required");
        return value;
    }

    record Job(long project, String id, long rows, int reportsLeft) {}

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
