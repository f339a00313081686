package dev.wharf.application.service.job;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running jobs without a heartbeat for the configured time are failed, in batches, and nothing else is. */
class StaleJobServiceTest {
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);

    StaleJobServiceTest() {
        store.givenProject(1);
    }

    private StaleJobService service(Duration timeout, int batch) {
        return new StaleJobService(store.transactions(), store.jobs(), timeout, batch, clock, EventPublisher.NONE);
    }

    private Job running(String name) {
        Job job = Job.startModel(JobId.random(), PROJECT, name, null, clock.instant(), clock.instant());
        store.jobs().insert(job);
        return job;
    }

    private Job stored(Job job) {
        return store.jobs().findById(PROJECT, job.id()).orElseThrow();
    }

    @Test
    void aJobQuietForTheTimeoutIsFailedWithTheReason() {
        Job quiet = running("quiet");
        clock.advance(Duration.ofMinutes(10));
        Job chatty = running("chatty");
        Job done = running("done");
        store.jobs().update(done.finish(JobStatus.COMPLETED, clock.instant()));
        clock.advance(Duration.ofMinutes(20).plusNanos(1000));

        int failed = service(Duration.ofMinutes(30), 100).failStaleJobs();

        assertThat(failed).isEqualTo(1);
        assertThat(stored(quiet).status()).isEqualTo(JobStatus.FAILED);
        assertThat(stored(quiet).latestError()).isEqualTo("No heartbeat for 30 minutes");
        assertThat(stored(quiet).finishedAt()).isEqualTo(clock.instant());
        assertThat(stored(chatty).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(stored(done).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aHeartbeatKeepsAJobRunning() {
        Job job = running("job");
        clock.advance(Duration.ofMinutes(29));
        store.jobs().update(job.heartbeat(clock.instant()));
        clock.advance(Duration.ofMinutes(29));

        assertThat(service(Duration.ofMinutes(30), 100).failStaleJobs()).isZero();
        assertThat(stored(job).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void theReasonNamesTheConfiguredTimeout() {
        Job job = running("job");
        clock.advance(Duration.ofMinutes(6));

        service(Duration.ofMinutes(5), 100).failStaleJobs();

        assertThat(stored(job).latestError()).isEqualTo("No heartbeat for 5 minutes");
        assertThat(StaleJobService.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(StaleJobService.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(StaleJobService.describe(Duration.ofMinutes(60))).isEqualTo("60 minutes");
    }

    @Test
    void manyStaleJobsAreFailedBatchByBatchInOnePass() {
        List<Job> stale = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            stale.add(running("job-" + i));
        }
        clock.advance(Duration.ofHours(1));

        assertThat(service(Duration.ofMinutes(30), 10).failStaleJobs()).isEqualTo(25);
        assertThat(stale).allSatisfy(job -> assertThat(stored(job).status()).isEqualTo(JobStatus.FAILED));
        assertThat(service(Duration.ofMinutes(30), 10).failStaleJobs()).isZero();
    }
}
