package dev.wharf.application.port.out.activity;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.activity.JobActivityQueries.ActivityFilter;
import dev.wharf.application.port.out.activity.JobActivityQueries.StatsWindow;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the {@link JobActivityQueries} of one store answer over the jobs its repositories hold. */
public abstract class JobActivityQueriesContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId OTHER = ProjectId.of(2);
    private static final Set<JobStatus> RUNNING = Set.of(JobStatus.RUNNING);
    private static final Duration MICRO = Duration.ofNanos(1000);
    private Source stripe;

    @BeforeEach
    void givenASource() {
        store.givenProject(1);
        store.givenProject(2);
        stripe = Source.create(SourceId.random(), PROJECT, "Stripe", null, T0);
        store.sources().insert(stripe);
    }

    @Test
    void runningJobsOfTheProjectSinceTheCutoffAreListedNewestFirstWithTheirSourceType() {
        Job oldImport = store(importJob("old", 0, true));
        Job model = store(Job.startModel(JobId.random(), PROJECT, "revenue", "wf-m", at(20), at(20)));
        Job newImport =
                store(Job.startImport(JobId.random(), PROJECT, stripe.id(), "charges", true, "wf-1", at(30), at(31))
                        .reportRows(42, at(32))
                        .recordError("slow", at(33)));
        store(importJob("done", 40, true).finish(JobStatus.COMPLETED, at(41)));
        Source hubspot = Source.create(SourceId.random(), OTHER, "Hubspot", null, T0);
        store.sources().insert(hubspot);
        store(Job.startImport(JobId.random(), OTHER, hubspot.id(), "contacts", true, null, at(50), at(50)));

        List<JobActivity> rows = queries().activity(PROJECT, new ActivityFilter(RUNNING, RUNNING, at(0)), 10, 0);

        assertThat(rows).extracting(JobActivity::id).containsExactly(newImport.id(), model.id(), oldImport.id());
        assertThat(rows.get(0))
                .isEqualTo(new JobActivity(
                        newImport.id(),
                        JobKind.IMPORT,
                        "Stripe",
                        "charges",
                        JobStatus.RUNNING,
                        42,
                        at(30),
                        null,
                        "slow",
                        "wf-1",
                        stripe.id()));
        assertThat(rows.get(1))
                .isEqualTo(new JobActivity(
                        model.id(),
                        JobKind.MODEL,
                        null,
                        "revenue",
                        JobStatus.RUNNING,
                        0,
                        at(20),
                        null,
                        null,
                        "wf-m",
                        null));
        assertThat(queries().activity(PROJECT, new ActivityFilter(RUNNING, RUNNING, at(1)), 10, 0))
                .extracting(JobActivity::id)
                .containsExactly(newImport.id(), model.id());
    }

    @Test
    void eachKindHasItsOwnStatusesAndAnEmptySetLeavesTheKindOut() {
        Job failedImport = store(importJob("a", 10, true).finish(JobStatus.BILLING_LIMIT_REACHED, at(11)));
        Job failedModel = store(model("m", 20).finish(JobStatus.FAILED, at(21)));
        store(model("n", 30).finish(JobStatus.BILLING_LIMIT_REACHED, at(31)));
        store(importJob("b", 40, true).finish(JobStatus.COMPLETED, at(41)));
        Set<JobStatus> importFailed = Set.of(JobStatus.FAILED, JobStatus.BILLING_LIMIT_REACHED);

        assertThat(ids(new ActivityFilter(importFailed, Set.of(JobStatus.FAILED), T0)))
                .containsExactly(failedModel.id(), failedImport.id());
        assertThat(ids(new ActivityFilter(importFailed, Set.of(), T0))).containsExactly(failedImport.id());
        assertThat(ids(new ActivityFilter(Set.of(), Set.of(JobStatus.FAILED), T0)))
                .containsExactly(failedModel.id());
        assertThat(ids(new ActivityFilter(Set.of(), Set.of(), T0))).isEmpty();
    }

    @Test
    void aSoftDeletedSourceStillNamesItsJobsType() {
        Job job = store(importJob("a", 10, true));
        store.sources().update(stripe.delete(at(20)));

        assertThat(queries().activity(PROJECT, new ActivityFilter(RUNNING, RUNNING, T0), 10, 0))
                .extracting(JobActivity::id, JobActivity::sourceType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(job.id(), "Stripe"));
    }

    @Test
    void jobsCreatedAtTheSameInstantArePagedInIdOrder() {
        Job low = store(withId(new UUID(1, 0)));
        Job high = store(withId(new UUID(0x8000_0000_0000_0000L, 0)));
        Job middle = store(withId(new UUID(2, 0)));
        ActivityFilter running = new ActivityFilter(RUNNING, RUNNING, T0);

        assertThat(queries().activity(PROJECT, running, 1, 0))
                .extracting(JobActivity::id)
                .containsExactly(high.id());
        assertThat(queries().activity(PROJECT, running, 1, 1))
                .extracting(JobActivity::id)
                .containsExactly(middle.id());
        assertThat(queries().activity(PROJECT, running, 5, 2))
                .extracting(JobActivity::id)
                .containsExactly(low.id());
        assertThat(queries().activity(PROJECT, running, 5, 3)).isEmpty();
    }

    @Test
    void statsCountBillableImportsFinishedOrRunningSinceTheCutoffAndModelsCreatedSinceIt() {
        store(importJob("finished-late", 0, true).finish(JobStatus.COMPLETED, at(100)));
        store(importJob("finished-late-too", 10, true).finish(JobStatus.COMPLETED, at(100)));
        store(importJob("finished-early", 0, true).finish(JobStatus.FAILED, at(50)));
        store(importJob("free", 100, false).finish(JobStatus.COMPLETED, at(110)));
        store(importJob("running-new", 100, true));
        store(importJob("running-old", 0, true));
        store(importJob("running-free", 100, false));
        store(model("model-new", 100).finish(JobStatus.FAILED, at(120)));
        store(model("model-running", 100));
        store(model("model-old", 0).finish(JobStatus.COMPLETED, at(120)));

        List<JobStatsCount> counts = queries().statsCounts(PROJECT, new StatsWindow(at(60), List.of(at(0), at(1000))));

        assertThat(counts)
                .containsExactlyInAnyOrder(
                        new JobStatsCount(JobKind.IMPORT, JobStatus.COMPLETED, 0, 2),
                        new JobStatsCount(JobKind.IMPORT, JobStatus.RUNNING, 0, 1),
                        new JobStatsCount(JobKind.MODEL, JobStatus.FAILED, 0, 1),
                        new JobStatsCount(JobKind.MODEL, JobStatus.RUNNING, 0, 1));
        assertThat(queries().statsCounts(OTHER, new StatsWindow(at(0), List.of(at(0), at(1000)))))
                .isEmpty();
    }

    @Test
    void aBucketHoldsTheJobsFromItsStartUpToTheNextStartAndOthersHaveNoBucket() {
        Instant b0 = at(100);
        Instant b1 = at(200);
        Instant b2 = at(300);
        for (Instant created : List.of(b0.minus(MICRO), b0, b1.minus(MICRO), b1, b1, b2.minus(MICRO), b2)) {
            store(modelAt(created).finish(JobStatus.COMPLETED, b2));
        }
        store(modelAt(b1).finish(JobStatus.FAILED, b2));
        store(importJob("created-before-the-window", 0, true).finish(JobStatus.FAILED, at(150)));

        List<JobStatsCount> counts = queries().statsCounts(PROJECT, new StatsWindow(at(0), List.of(b0, b1, b2)));

        assertThat(counts)
                .containsExactlyInAnyOrder(
                        new JobStatsCount(JobKind.MODEL, JobStatus.COMPLETED, JobStatsCount.NO_BUCKET, 2),
                        new JobStatsCount(JobKind.MODEL, JobStatus.COMPLETED, 0, 2),
                        new JobStatsCount(JobKind.MODEL, JobStatus.COMPLETED, 1, 3),
                        new JobStatsCount(JobKind.MODEL, JobStatus.FAILED, 1, 1),
                        new JobStatsCount(JobKind.IMPORT, JobStatus.FAILED, JobStatsCount.NO_BUCKET, 1));
    }

    @Test
    void bucketsFollowTheInstantsTheyAreGivenInAZoneOffByAQuarterHour() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
        LocalDate day = LocalDate.ofInstant(T0, kathmandu);
        List<Instant> bounds = List.of(
                day.minusDays(1).atStartOfDay(kathmandu).toInstant(),
                day.atStartOfDay(kathmandu).toInstant(),
                day.plusDays(1).atStartOfDay(kathmandu).toInstant());
        Instant midnight = bounds.get(1);
        assertThat(midnight.atZone(ZoneOffset.UTC).getMinute()).isEqualTo(15);
        Instant utcMidnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Instant created : List.of(midnight.minus(MICRO), midnight, utcMidnight, utcMidnight.minus(MICRO))) {
            store(modelAt(created).finish(JobStatus.COMPLETED, bounds.get(2)));
        }

        List<JobStatsCount> counts =
                queries().statsCounts(PROJECT, new StatsWindow(bounds.get(0).minus(Duration.ofDays(1)), bounds));

        assertThat(counts)
                .containsExactlyInAnyOrder(
                        new JobStatsCount(JobKind.MODEL, JobStatus.COMPLETED, 0, 1),
                        new JobStatsCount(JobKind.MODEL, JobStatus.COMPLETED, 1, 3));
    }

    private JobActivityQueries queries() {
        return store.jobActivity();
    }

    private List<JobId> ids(ActivityFilter filter) {
        return queries().activity(PROJECT, filter, 10, 0).stream()
                .map(JobActivity::id)
                .toList();
    }

    private Job importJob(String name, long createdAfterT0, boolean billable) {
        return Job.startImport(
                JobId.random(), PROJECT, stripe.id(), name, billable, null, at(createdAfterT0), at(createdAfterT0));
    }

    private Job model(String name, long createdAfterT0) {
        return Job.startModel(JobId.random(), PROJECT, name, null, at(createdAfterT0), at(createdAfterT0));
    }

    private Job modelAt(Instant created) {
        return Job.startModel(JobId.random(), PROJECT, "m", null, created, created);
    }

    private Job withId(UUID id) {
        return Job.startImport(new JobId(id), PROJECT, stripe.id(), "same", true, null, at(5), at(5));
    }

    private Job store(Job job) {
        store.jobs().insert(job);
        return job;
    }
}
