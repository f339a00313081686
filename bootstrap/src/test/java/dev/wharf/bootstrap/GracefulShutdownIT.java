package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.adapters.out.provisioning.duckgres.FakeDuckgres;
import dev.wharf.bootstrap.JobReportLoad.Acknowledged;
import dev.wharf.bootstrap.JobReportLoad.Failure;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under load, on PostgreSQL with {@code config/postgres.yml} and the real jar: what was accepted is answered,
 * nothing acknowledged is lost, and the next start finishes the provisioning the first one left (see {@link
 * DuckgresWharf} for the set-up, {@link JobReportLoad} for the load).
 */
@Timeout(300)
class GracefulShutdownIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a request refused while Wharf stops is answered (with 503). */
    private static final String SHUTTING_DOWN = "{\"error\":\"Wharf is shutting down; retry the request\"}";

    @TempDir
    Path workDir;

    private DuckgresWharf wharf;

    @AfterEach
    void stopEverything() {
        if (wharf != null) {
            wharf.close();
        }
    }

    @Test
    void sigtermAnswersWhatWasAcceptedLosesNoAcknowledgedReportAndTheNextStartResumesProvisioning() throws Exception {
        wharf = new DuckgresWharf(workDir);
        FakeDuckgres duckgres = wharf.duckgres();
        assertThat(wharf.run("db", "migrate").waitFor(START)).isZero();
        WharfProcess generate =
                wharf.run("generate", "--projects", "5", "--sources", "1", "--jobs", "0", "--running", "0");
        assertThat(generate.waitFor(START)).as(generate.transcript()).isZero();
        ProjectApi api = new ProjectApi(
                wharf.port(), generate.awaitLine("API key: (phx_\\S+)", START).group(1));
        generate.awaitLine("Projects: 1,2,3,4,5", START);
        WharfProcess first = wharf.run("server");
        first.awaitHealthy(wharf.adminPort(), START);

        // Project 1 gets a ready warehouse; projects 2 to 5 stay provisioning for as long as duckgres is held.
        api.provision(1, "shutdown1");
        api.awaitState(1, "ready");
        duckgres.holdProvisioning(true);
        LongStream.rangeClosed(2, 5).forEach(p -> api.provision(p, "shutdown" + p));
        LongStream.rangeClosed(2, 5).forEach(p -> api.awaitState(p, "provisioning"));

        List<Map.Entry<Long, String>> reporters = twoReportersPerProject(api);
        JobReportLoad load = new JobReportLoad(wharf.port(), api.key(), reporters);
        load.awaitFinishedJobs(20);

        // A password reset that takes 2 s at duckgres is in flight when SIGTERM arrives.
        duckgres.slow(Duration.ofSeconds(2));
        CompletableFuture<HttpResponse<String>> reset =
                CompletableFuture.supplyAsync(() -> api.call("POST", 1, "/data_warehouse/reset-password/", null));
        awaitReceived(
                duckgres, "POST /api/v1/orgs/" + duckgres.orgOf("shutdown1").orElseThrow() + "/reset-password");
        long sigterm = System.nanoTime();
        first.sendSigterm();
        int exit = first.waitFor(Duration.ofSeconds(60));
        long exited = System.nanoTime();
        load.stop();

        assertThat(exit).as(first.transcript()).isEqualTo(143);
        HttpResponse<String> answer = reset.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String password = JSON.readTree(answer.body()).path("password").asText();
        assertThat(duckgres.login("shutdown1", "root", password))
                .as("the password handed out works")
                .isTrue();

        List<Failure> failures = load.failures();
        assertThat(failures).as("every thread stopped at a refusal").hasSize(reporters.size());
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.atNanos()).as(failure.toString()).isGreaterThan(sigterm);
            assertThat(failure.status()).as(failure.toString()).isIn(0, 503);
            if (failure.status() == 503) {
                assertThat(failure.answer()).as(failure.toString()).isEqualTo(SHUTTING_DOWN);
            }
        });
        Map<String, Acknowledged> acknowledged = load.acknowledged();
        assertThat(StoredAfterShutdown.jobs(wharf.database().dataSource()))
                .as("every acknowledged start and report is stored, and nothing that was not answered")
                .isEqualTo(acknowledged);
        assertThat(StoredAfterShutdown.warehouses(wharf.database().dataSource(), 2, 5))
                .as("provisioning, without a lease")
                .containsOnly("provisioning:null");
        assertThat(Stream.concat(first.stdout().stream(), first.stderr().stream()))
                .as("what the server logged while stopping")
                .noneMatch(line -> line.startsWith("ERROR") || line.startsWith("\tat "));
        System.out.printf(
                "GracefulShutdownIT: %d jobs acknowledged, %d refusals (%d of them 503), exit %.1f s after SIGTERM%n",
                acknowledged.size(),
                failures.size(),
                failures.stream().filter(f -> f.status() == 503).count(),
                (exited - sigterm) / 1e9);

        duckgres.slow(Duration.ZERO);
        duckgres.holdProvisioning(false);
        WharfProcess second = wharf.run("server");
        second.awaitHealthy(wharf.adminPort(), START);
        LongStream.rangeClosed(2, 5).forEach(p -> api.awaitState(p, "ready"));
        second.sendSigterm();
        assertThat(second.waitFor(Duration.ofSeconds(60)))
                .as(second.transcript())
                .isEqualTo(143);
    }

    /** Project ids 1 to 5, each twice, with a source of that project. */
    private static List<Map.Entry<Long, String>> twoReportersPerProject(ProjectApi api) {
        List<Map.Entry<Long, String>> reporters = new ArrayList<>();
        for (long project = 1; project <= 5; project++) {
            String source = api.firstSource(project);
            reporters.add(Map.entry(project, source));
            reporters.add(Map.entry(project, source));
        }
        return reporters;
    }

    private static void awaitReceived(FakeDuckgres duckgres, String request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!duckgres.received().contains(request)) {
            assertThat(System.nanoTime()).as("duckgres received " + request).isLessThan(deadline);
            Pause.millis(10);
        }
    }
}
