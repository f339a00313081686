package dev.wharf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The soak's load driver (bench/soak starts Wharf and runs it): a fixed pool of CONNECTIONS
 * threads, each looping over the mix of {@link SoakWorkload} (reads, job reports, password resets on a schedule that
 * stays under the rate limit) through {@link SoakClient}, which counts any answer other than 2xx, and any transport
 * failure, as an error. Every 10 s it samples the server's resident set (ps -o rss=); {@link SoakReport} prints the
 * result.
 *
 * <p>java -cp bootstrap/target/wharf.jar:bench/target/wharf-bench.jar dev.wharf.bench.Soak --base URL --key KEY --projects 1,2 --pid PID
 * [--duration 600] [--connections 64] [--resets-per-minute 20] [--warmup SECONDS] [--mix all|reports]
 */
public class Soak {
    final Map<String, String> args;
    final long[] projects;
    final SoakClient client;
    final Map<Long, List<String>> sources = new HashMap<>();

    Soak(Map<String, String> args) {
        this.args = args;
        this.projects = Arrays.stream(required("projects").split(","))
                .mapToLong(Long::parseLong)
                .toArray();
        this.client = new SoakClient(required("base"), required("key"));
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
        int resetsPerMinute = Integer.parseInt(args.getOrDefault("resets-per-minute", "20"));
        for (long project : projects) {
            sources.put(project, sourcesOf(project));
        }
        boolean reportsOnly = switch (args.getOrDefault("mix", "all")) {
            case "all" -> false;
            case "reports" -> true;
            default -> throw new IllegalArgumentException("--mix is all or reports");
        };
        SoakWorkload workload = new SoakWorkload(client, projects, sources, resetsPerMinute, reportsOnly);
        System.err.printf(
                "soak: %d connections for %d s (warm-up %d s) on projects %s, %s%n",
                connections,
                duration,
                warmup,
                Arrays.toString(projects),
                reportsOnly
                        ? "job reports only"
                        : "resets every " + TimeUnit.NANOSECONDS.toMillis(workload.resetEveryNanos()) + " ms");
        TreeMap<Long, Long> rss = new TreeMap<>();
        long started = System.nanoTime();
        workload.start(started);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) pool.execute(workload::worker);
        long end = started + TimeUnit.SECONDS.toNanos(duration);
        for (long t = 0; ; t += 10) {
            long at = started + TimeUnit.SECONDS.toNanos(t);
            while (System.nanoTime() < Math.min(at, end))
                Thread.sleep(Math.max(1, (Math.min(at, end) - System.nanoTime()) / 1_000_000));
            long second = (System.nanoTime() - started) / 1_000_000_000L;
            rss.put(second, rssKb(pid));
            System.err.printf(
                    "soak: %4d s  rss %4d MB  requests %8d  errors %d%n",
                    second, rss.lastEntry().getValue() / 1024, client.total(), client.errorCount());
            if (System.nanoTime() >= end) break;
        }
        workload.stop();
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
        new SoakReport(client).print(rss, warmup, seconds);
    }

    /** The ids of the project's sources (up to 50); a project without one cannot report jobs. */
    List<String> sourcesOf(long project) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.fetch(project, "/external_data_sources/?limit=50");
        if (answer.statusCode() != 200) throw new IllegalStateException("sources of " + project + ": " + answer.body());
        JsonNode page = SoakClient.JSON.readTree(answer.body());
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(s -> ids.add(s.path("id").asText()));
        if (ids.isEmpty()) throw new IllegalStateException("project " + project + " has no sources");
        return ids;
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
}
