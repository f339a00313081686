package dev.wharf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each of the soak's threads does until it is stopped: a password reset when one is due (on a fixed schedule,
 * the projects in turn), else at even odds a read (warehouse_status, running_activity, total_rows_stats,
 * completed_activity, job_stats) or the next step of its job report (POST a job, PATCH its rows 3 to 5 times, PATCH a
 * terminal status: each thread carries its job from one step to the next).
 */
final class SoakWorkload {
    static final String[] READS = {
        "warehouse_status", "running_activity", "total_rows_stats", "completed_activity", "job_stats"
    };
    static final String[] TERMINAL = {"Completed", "Completed", "Completed", "Failed", "Cancelled"};

    private final SoakClient client;
    private final long[] projects;
    private final Map<Long, List<String>> sources;
    private final long resetEveryNanos;
    private final AtomicLong nextResetNanos = new AtomicLong();
    private final AtomicLong resetCount = new AtomicLong();
    private final boolean reportsOnly;
    private volatile boolean running = true;

    /** With {@code reportsOnly}, the threads only report jobs: no resets and no reads. */
    SoakWorkload(
            SoakClient client,
            long[] projects,
            Map<Long, List<String>> sources,
            int resetsPerMinute,
            boolean reportsOnly) {
        this.client = client;
        this.projects = projects;
        this.sources = sources;
        this.reportsOnly = reportsOnly;
        this.resetEveryNanos = TimeUnit.MINUTES.toNanos(1) / Math.max(1, resetsPerMinute * projects.length);
    }

    long resetEveryNanos() {
        return resetEveryNanos;
    }

    /** The first reset is due at {@code nanos}. */
    void start(long nanos) {
        nextResetNanos.set(nanos);
    }

    void stop() {
        running = false;
    }

    void worker() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Job job = null;
        while (running) {
            long now = System.nanoTime();
            long due = nextResetNanos.get();
            if (reportsOnly) {
                job = step(job, random);
            } else if (now >= due && nextResetNanos.compareAndSet(due, due + resetEveryNanos)) {
                long project = projects[(int) (resetCount.getAndIncrement() % projects.length)];
                client.send("reset_password", client.post(project, "/data_warehouse/reset-password/", null));
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
            case "completed_activity" ->
                "?limit=20&offset=" + 20 * random.nextInt(3) + "&outcome="
                        + new String[] {"all", "completed", "failed"}[random.nextInt(3)];
            case "job_stats" -> "?days=" + new int[] {1, 7, 30}[random.nextInt(3)];
            default -> "";
        };
        client.send(kind, client.get(project, "/data_warehouse/" + kind + "/" + query));
    }

    /** One step of a job report: start it, report rows (3 to 5 times), then finish it; null when it has ended. */
    Job step(Job job, ThreadLocalRandom random) {
        if (job == null) {
            long project = projects[random.nextInt(projects.length)];
            List<String> ids = sources.get(project);
            String body = "{\"kind\": \"import\", \"source_id\": \"" + ids.get(random.nextInt(ids.size()))
                    + "\", \"schema_name\": \"soak\", \"workflow_run_id\": \"soak-" + random.nextLong(1L << 40) + "\"}";
            HttpResponse<String> started =
                    client.send("job_start", client.post(project, "/data_warehouse/jobs/", body));
            if (started == null || started.statusCode() != 201) return null;
            try {
                JsonNode created = SoakClient.JSON.readTree(started.body());
                if (!"Running".equals(created.path("status").asText())) return null; // a row limit, not an error
                return new Job(project, created.path("id").asText(), 0, 3 + random.nextInt(3));
            } catch (IOException e) {
                client.error("job_start", 201, "unreadable body: " + started.body());
                return null;
            }
        }
        String path = "/data_warehouse/jobs/" + job.id() + "/";
        if (job.reportsLeft() > 0) {
            long rows = job.rows() + 1 + random.nextInt(5000);
            HttpResponse<String> answer =
                    client.send("job_rows", client.patch(job.project(), path, "{\"rows\": " + rows + "}"));
            return answer == null || answer.statusCode() != 200
                    ? null
                    : new Job(job.project(), job.id(), rows, job.reportsLeft() - 1);
        }
        String status = TERMINAL[random.nextInt(TERMINAL.length)];
        String body = status.equals("Failed")
                ? "{\"status\": \"Failed\", \"latest_error\": \"soak: source went away\"}"
                : "{\"status\": \"" + status + "\"}";
        client.send("job_finish", client.patch(job.project(), path, body));
        return null;
    }

    record Job(long project, String id, long rows, int reportsLeft) {}
}
