package dev.wharf.adapters.out.jdbi.services;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.JdbiFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.service.job.StaleJobService;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failing jobs without a heartbeat on real PostgreSQL, where row locks are what they are in production: several
 * processes fail each job once, and a report holding a job's lock wins over the pass that waits for it.
 */
class StaleJobsOnPostgresTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private JdbiFixture store;
    private MutableClock clock;
    private ExecutorService threads;

    @BeforeEach
    void setUp() {
        store = JdbiFixture.postgres();
        clock = new MutableClock(T0);
        threads = Executors.newFixedThreadPool(4);
        store.givenProject(1);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    private StaleJobService pass() {
        return new StaleJobService(store.transactions(), store.jobs(), TIMEOUT, 7, clock, EventPublisher.NONE);
    }

    private Job running(String name) {
        Job job = Job.startModel(JobId.random(), PROJECT, name, null, T0, T0);
        store.jobs().insert(job);
        return job;
    }

    @Test
    void threeProcessesFailEachStaleJobOnce() throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(running("job-" + i));
        }
        clock.advance(TIMEOUT.plusSeconds(1));

        List<Future<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            passes.add(threads.submit(() -> pass().failStaleJobs()));
        }
        int failed = 0;
        for (Future<Integer> done : passes) {
            failed += done.get(30, TimeUnit.SECONDS);
        }

        assertThat(failed).isEqualTo(40);
        assertThat(jobs).allSatisfy(job -> {
            Job stored = store.jobs().findById(PROJECT, job.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(JobStatus.FAILED);
            assertThat(stored.latestError()).isEqualTo("No heartbeat for 30 minutes");
        });
    }

    @Test
    void aReportHoldingTheJobsLockWinsOverTheStalePass() throws Exception {
        Job job = running("job");
        clock.advance(TIMEOUT.plusSeconds(1));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> report = threads.submit(() -> store.transactions().inTransaction(() -> {
            Job current = store.jobs().findByIdForUpdate(PROJECT, job.id()).orElseThrow();
            locked.countDown();
            await(release);
            store.jobs().update(current.reportRows(5, clock.instant()));
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Integer> stale = threads.submit(() -> pass().failStaleJobs());
        Thread.sleep(300);
        assertThat(stale).as("the pass waits for the report's lock").isNotDone();
        release.countDown();
        report.get(10, TimeUnit.SECONDS);

        assertThat(stale.get(10, TimeUnit.SECONDS)).isZero();
        Job stored = store.jobs().findById(PROJECT, job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(stored.rows()).isEqualTo(5);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
