package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.bootstrap.JobReportLoad.Acknowledged;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing answered is lost: {@code ./wharf dev} (H2 metadata, commits written before the answer: {@code
 * WRITE_DELAY=0}) is killed with SIGKILL while clients provision, deprovision, reset passwords and report jobs; after a
 * restart on the same data every answered job report is there, every answered management call has its audit entry,
 * and the warehouse reaches a final state.
 */
@Timeout(300)
class CrashSafetyIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final String KEY_LINE = "API key: (phx_[A-Za-z0-9_-]{43,})";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("ready", "failed", "deleted");

    @TempDir
    Path workDir;

    private final List<WharfProcess> processes = new ArrayList<>();
    private int port;
    private final int warehousePort = WharfProcess.freePortPair();

    @BeforeEach
    void prepare() throws IOException {
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        port = WharfProcess.freePortPair();
    }

    @AfterEach
    void stopEverything() {
        processes.forEach(WharfProcess::close);
    }

    @Test
    void aKilledDevWharfLosesNothingItAnswered() throws Exception {
        for (int run = 0; run < 2; run++) {
            Path data = workDir.resolve("data-" + run);
            WharfProcess wharf = dev(data);
            ProjectApi api =
                    new ProjectApi(port, wharf.awaitLine(KEY_LINE, START).group(1));
            List<Map.Entry<Long, String>> sources = List.of(Map.entry(1L, source(api)), Map.entry(1L, source(api)));
            JobReportLoad jobs = new JobReportLoad(port, api.key(), sources);
            ManagementLoad management = new ManagementLoad(api, 1);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((management.answered("provision") < 2 || jobs.acknowledged().size() < 20)
                    && System.nanoTime() < deadline) {
                Pause.millis(50);
            }
            Pause.millis(run * 700L);

            wharf.sendSigkill();
            wharf.waitFor(Duration.ofSeconds(30));
            jobs.stop();
            management.stop();

            WharfProcess again = dev(data);
            again.awaitLine(KEY_LINE, START);
            assertJobsKept(api, jobs.acknowledged());
            assertAudited(api, management);
            assertReachesAFinalState(api);
            again.sendSigterm();
            again.waitFor(Duration.ofSeconds(40));
        }
    }

    private static void assertJobsKept(ProjectApi api, Map<String, Acknowledged> acknowledged) throws IOException {
        assertThat(acknowledged).as("job reports answered before the kill").isNotEmpty();
        for (Map.Entry<String, Acknowledged> job : acknowledged.entrySet()) {
            HttpResponse<String> stored = api.call("GET", 1, "/data_warehouse/jobs/" + job.getKey() + "/", null);
            assertThat(stored.statusCode()).as("job " + job.getKey()).isEqualTo(200);
            JsonNode body = JSON.readTree(stored.body());
            assertThat(body.path("rows").asLong())
                    .as("rows of " + job.getKey())
                    .isGreaterThanOrEqualTo(job.getValue().rows());
            if (job.getValue().finished()) {
                assertThat(body.path("status").asText()).as(stored.body()).isEqualTo("Completed");
            }
        }
    }

    private static void assertAudited(ProjectApi api, ManagementLoad management) throws IOException {
        Map<String, Integer> succeeded = new HashMap<>();
        for (int offset = 0; ; offset += 50) {
            JsonNode page =
                    JSON.readTree(api.call("GET", 1, "/data_warehouse/audit_log/?limit=50&offset=" + offset, null)
                            .body());
            for (JsonNode entry : page.path("results")) {
                if (entry.path("outcome").asText().equals("succeeded")) {
                    succeeded.merge(entry.path("action").asText(), 1, Integer::sum);
                }
            }
            if (page.path("next").isNull()) {
                break;
            }
        }
        for (String action : List.of("provision", "deprovision", "reset-password")) {
            assertThat(succeeded.getOrDefault(action, 0))
                    .as("audit entries of answered %s calls (answered: %d)", action, management.answered(action))
                    .isGreaterThanOrEqualTo(management.answered(action));
        }
        assertThat(management.answered("provision")).isPositive();
    }

    private static void assertReachesAFinalState(ProjectApi api) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = JSON.readTree(api.call("GET", 1, "/data_warehouse/warehouse_status/", null)
                            .body())
                    .path("state")
                    .asText();
            if (FINAL.contains(state)) {
                return;
            }
            Pause.millis(100);
        }
        throw new AssertionError("the warehouse did not reach a final state within 60 s: " + state);
    }

    private static String source(ProjectApi api) throws IOException {
        HttpResponse<String> created =
                api.call("POST", 1, "/external_data_sources/", "{\"source_type\": \"Stripe\", \"prefix\": \"crash_\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private WharfProcess dev(Path data) {
        WharfProcess process =
                WharfProcess.dev(workDir, data, port, warehousePort, Map.of("WHARF_RATE_LIMIT_PER_MINUTE", "100000"));
        processes.add(process);
        return process;
    }
}
