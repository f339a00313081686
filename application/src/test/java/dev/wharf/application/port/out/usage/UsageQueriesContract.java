package dev.wharf.application.port.out.usage;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.application.port.out.usage.UsageQueries.PeriodRows;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the {@link UsageQueries} of one store sum over the jobs and sources its repositories hold. */
public abstract class UsageQueriesContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId OTHER = ProjectId.of(2);
    private static final BillingPeriod PERIOD = new BillingPeriod(at(100), at(200), BillingInterval.MONTH);
    private Source stripe;
    private Source hubspot;

    @BeforeEach
    void givenSources() {
        store.givenProject(1);
        store.givenProject(2);
        stripe = source(PROJECT, "Stripe");
        hubspot = source(PROJECT, "Hubspot");
    }

    @Test
    void billableRowsAreThoseOfBillableImportsThatDidNotFailCreatedInThePeriod() {
        store(importJob(stripe, 100, true, 10, JobStatus.COMPLETED));
        store(importJob(stripe, 150, true, 20, JobStatus.RUNNING));
        store(importJob(hubspot, 199, true, 40, JobStatus.BILLING_LIMIT_REACHED));
        store(importJob(stripe, 150, true, 1_000, JobStatus.FAILED));
        store(importJob(stripe, 150, false, 2_000, JobStatus.COMPLETED));
        store(importJob(stripe, 99, true, 4_000, JobStatus.COMPLETED));
        store(importJob(stripe, 200, true, 8_000, JobStatus.COMPLETED));
        store(model(150, 5, JobStatus.FAILED));
        store(model(120, 7, JobStatus.COMPLETED));
        store(model(200, 9_000, JobStatus.COMPLETED));

        PeriodRows rows = store.usage().rowsInPeriod(PROJECT, PERIOD);

        assertThat(rows.billableRows()).isEqualTo(70);
        assertThat(rows.materializedRows()).isEqualTo(12);
        assertThat(rows.bySource()).isEqualTo(Map.of(stripe.id(), 30L, hubspot.id(), 40L));
    }

    @Test
    void everyLiveSourceIsInTheBreakdownAndADeletedOneOnlyInTheTotal() {
        Source idle = source(PROJECT, "Postgres");
        store(importJob(hubspot, 150, true, 40, JobStatus.COMPLETED));
        store(importJob(stripe, 150, true, 30, JobStatus.COMPLETED));
        store.sources().update(stripe.delete(at(160)));
        Source elsewhere = source(OTHER, "Stripe");
        store(importJob(elsewhere, 150, true, 500, JobStatus.RUNNING));

        PeriodRows rows = store.usage().rowsInPeriod(PROJECT, PERIOD);

        assertThat(rows.billableRows()).isEqualTo(70);
        assertThat(rows.bySource()).isEqualTo(Map.of(hubspot.id(), 40L, idle.id(), 0L));
    }

    @Test
    void aProjectWithoutSourcesOrJobsHasNothing() {
        PeriodRows rows = store.usage().rowsInPeriod(OTHER, PERIOD);

        assertThat(rows).isEqualTo(new PeriodRows(0, 0, Map.of()));
    }

    @Test
    void accountedJobsAreSummedAsTheJobsThemselvesAre() {
        storeAccounted(importJob(stripe, 100, true, 10, JobStatus.COMPLETED));
        storeAccounted(importJob(stripe, 150, true, 20, JobStatus.RUNNING));
        storeAccounted(importJob(hubspot, 199, true, 40, JobStatus.BILLING_LIMIT_REACHED));
        storeAccounted(importJob(stripe, 150, true, 1_000, JobStatus.FAILED));
        storeAccounted(importJob(stripe, 150, false, 2_000, JobStatus.COMPLETED));
        storeAccounted(importJob(stripe, 99, true, 4_000, JobStatus.COMPLETED));
        storeAccounted(importJob(stripe, 200, true, 8_000, JobStatus.COMPLETED));
        storeAccounted(model(150, 5, JobStatus.FAILED));
        storeAccounted(model(120, 7, JobStatus.COMPLETED));
        storeAccounted(model(200, 9_000, JobStatus.COMPLETED));

        PeriodRows rows = store.usage().rowsInPeriod(PROJECT, PERIOD);

        assertThat(rows.billableRows()).isEqualTo(70);
        assertThat(rows.materializedRows()).isEqualTo(12);
        assertThat(rows.bySource()).isEqualTo(Map.of(stripe.id(), 30L, hubspot.id(), 40L));
    }

    @Test
    void changesOfAnAccountedJobMoveItsPeriodsSums() {
        Job job = running(stripe, 150, true);
        storeAccounted(job);
        Job model = Job.startModel(JobId.random(), PROJECT, "m", null, at(150), at(150));
        storeAccounted(model);

        Job grown = job.reportRows(50, at(151));
        store.jobs().update(grown);
        store.jobs().update(grown.reportRows(80, at(152)));
        store.jobs().update(model.reportRows(9, at(152)).finish(JobStatus.FAILED, at(153)));
        assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(80, 9, Map.of(stripe.id(), 80L, hubspot.id(), 0L)));

        store.jobs().update(grown.reportRows(80, at(152)).finish(JobStatus.FAILED, at(153)));
        assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(0, 9, Map.of(stripe.id(), 0L, hubspot.id(), 0L)));
    }

    /** One queries object asked after each change: whatever it remembers, no answer outlives a change. */
    @Test
    void everyChangeOfRowsOrSourcesShowsInTheNextAnswer() {
        UsageQueries usage = store.usage();
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(0, 0, Map.of(stripe.id(), 0L, hubspot.id(), 0L)));

        Job accounted = running(stripe, 150, true);
        storeAccounted(accounted);
        Job unaccounted = running(hubspot, 150, true);
        store(unaccounted);
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(0, 0, Map.of(stripe.id(), 0L, hubspot.id(), 0L)));

        store.jobs().update(accounted.reportRows(10, at(151)));
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(10, 0, Map.of(stripe.id(), 10L, hubspot.id(), 0L)));

        store.jobs().update(unaccounted.reportRows(3, at(151)));
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(13, 0, Map.of(stripe.id(), 10L, hubspot.id(), 3L)));

        store.jobs().update(unaccounted.reportRows(3, at(151)).finish(JobStatus.FAILED, at(152)));
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(10, 0, Map.of(stripe.id(), 10L, hubspot.id(), 0L)));

        store(model(150, 4, JobStatus.COMPLETED));
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(10, 4, Map.of(stripe.id(), 10L, hubspot.id(), 0L)));

        Source added = source(PROJECT, "Postgres");
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD).bySource()).containsEntry(added.id(), 0L);

        store.sources().update(stripe.delete(at(160)));
        assertThat(usage.rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(10, 4, Map.of(hubspot.id(), 0L, added.id(), 0L)));
        assertThat(usage.billableRowsOfOrganization(
                        store.projects().findById(PROJECT).orElseThrow().organizationId(), PERIOD))
                .isEqualTo(10);
    }

    @Test
    void accountedAndUnaccountedJobsOfOnePeriodAreEachCountedOnce() {
        storeAccounted(importJob(stripe, 110, true, 1, JobStatus.COMPLETED));
        store(importJob(stripe, 120, true, 10, JobStatus.COMPLETED));
        storeAccounted(importJob(hubspot, 130, true, 100, JobStatus.RUNNING));
        store(importJob(hubspot, 140, true, 1_000, JobStatus.CANCELLED));
        storeAccounted(model(150, 2, JobStatus.COMPLETED));
        store(model(160, 20, JobStatus.COMPLETED));

        PeriodRows rows = store.usage().rowsInPeriod(PROJECT, PERIOD);

        assertThat(rows).isEqualTo(new PeriodRows(1_111, 22, Map.of(stripe.id(), 11L, hubspot.id(), 1_100L)));
    }

    @Test
    void whenTheBillingPeriodMovesEveryJobCreatedInTheNewOneCounts() {
        storeAccounted(importJob(stripe, 120, true, 1, JobStatus.COMPLETED));
        storeAccounted(importJob(stripe, 160, true, 10, JobStatus.COMPLETED));
        storeAccounted(importJob(hubspot, 210, true, 100, JobStatus.COMPLETED));
        storeAccounted(model(170, 5, JobStatus.COMPLETED));
        store(importJob(hubspot, 240, true, 1_000, JobStatus.COMPLETED));
        storeAccounted(importJob(hubspot, 260, true, 10_000, JobStatus.COMPLETED));
        BillingPeriod moved = new BillingPeriod(at(150), at(250), BillingInterval.MONTH);

        PeriodRows rows = store.usage().rowsInPeriod(PROJECT, moved);

        assertThat(rows).isEqualTo(new PeriodRows(1_110, 5, Map.of(stripe.id(), 10L, hubspot.id(), 1_100L)));
    }

    @Test
    void manyJobsLoadedAtOnceAreSummedAsOneByOne() {
        Source idle = source(PROJECT, "Postgres");
        List<AccountedJob> jobs = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < 2_500; i++) {
            Source source = i % 3 == 0 ? stripe : hubspot;
            JobStatus status = i % 7 == 0 ? JobStatus.FAILED : JobStatus.COMPLETED;
            Job job = importJob(source, 100 + i % 100, i % 11 != 0, i, status);
            expected += job.billableRows();
            jobs.add(i % 5 == 0 ? AccountedJob.unaccounted(job) : AccountedJob.in(job, PERIOD));
        }
        store.jobs().insertAll(jobs);

        PeriodRows rows = store.usage().rowsInPeriod(PROJECT, PERIOD);

        assertThat(rows.billableRows()).isEqualTo(expected);
        assertThat(rows.bySource().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(expected);
        assertThat(rows.bySource()).containsEntry(idle.id(), 0L);
    }

    @Test
    void concurrentReportsOfOneSourceAddUp() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> reports = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reports.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        Job job = running(stripe, 150, true);
                        store.transactions().inTransaction(() -> {
                            store.jobs().insert(AccountedJob.in(job, PERIOD));
                            return null;
                        });
                        store.transactions().inTransaction(() -> {
                            Job locked = store.jobs()
                                    .findByIdForUpdate(PROJECT, job.id())
                                    .orElseThrow();
                            store.jobs().update(locked.reportRows(7, at(151)).finish(JobStatus.COMPLETED, at(152)));
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> report : reports) {
                report.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).bySource()).containsEntry(stripe.id(), 280L);
    }

    @Test
    void anOrganizationsBillableRowsAreThoseOfAllItsProjects() {
        Project first = store.projects().findById(PROJECT).orElseThrow();
        Project second = new Project(ProjectId.of(3), first.organizationId(), "Second", ZoneOffset.UTC, T0);
        store.projects().insert(second);
        Source secondSource = source(second.id(), "Stripe");
        storeAccounted(importJob(stripe, 150, true, 10, JobStatus.COMPLETED));
        store(importJob(hubspot, 150, true, 20, JobStatus.RUNNING));
        storeAccounted(model(150, 1_000, JobStatus.COMPLETED));
        storeAccounted(importJob(secondSource, 150, true, 300, JobStatus.COMPLETED));
        storeAccounted(importJob(source(OTHER, "Stripe"), 150, true, 4_000, JobStatus.COMPLETED));

        assertThat(store.usage().billableRowsOfOrganization(first.organizationId(), PERIOD))
                .isEqualTo(330);
    }

    @Test
    void sumsPastTheLargestCountStayThereInsteadOfOverflowing() {
        long most = Long.MAX_VALUE;
        storeAccounted(importJob(stripe, 150, true, most, JobStatus.COMPLETED));
        storeAccounted(model(150, most, JobStatus.COMPLETED));
        store(importJob(stripe, 150, true, most, JobStatus.COMPLETED));
        Job growing = running(stripe, 150, true);
        storeAccounted(growing);
        store.jobs().update(growing.reportRows(most, at(151)));
        Job model = Job.startModel(JobId.random(), PROJECT, "m", null, at(150), at(150));
        storeAccounted(model);
        store.jobs().update(model.reportRows(most, at(151)));
        storeAccounted(importJob(hubspot, 150, true, most, JobStatus.COMPLETED));

        assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD))
                .isEqualTo(new PeriodRows(most, most, Map.of(stripe.id(), most, hubspot.id(), most)));
        assertThat(store.usage()
                        .billableRowsOfOrganization(
                                store.projects().findById(PROJECT).orElseThrow().organizationId(), PERIOD))
                .isEqualTo(most);

        store.jobs().update(growing.reportRows(most, at(151)).finish(JobStatus.FAILED, at(152)));
        assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).bySource().get(hubspot.id()))
                .isEqualTo(most);
    }

    private Source source(ProjectId project, String type) {
        Source source = Source.create(SourceId.random(), project, type, null, T0);
        store.sources().insert(source);
        return source;
    }

    private static Job importJob(Source source, long createdAfterT0, boolean billable, long rows, JobStatus status) {
        Job job = Job.startImport(
                        JobId.random(),
                        source.projectId(),
                        source.id(),
                        "t",
                        billable,
                        null,
                        at(createdAfterT0),
                        at(createdAfterT0))
                .reportRows(rows, at(createdAfterT0));
        return status == JobStatus.RUNNING ? job : job.finish(status, at(createdAfterT0 + 1));
    }

    private static Job model(long createdAfterT0, long rows, JobStatus status) {
        return Job.startModel(JobId.random(), PROJECT, "m", null, at(createdAfterT0), at(createdAfterT0))
                .reportRows(rows, at(createdAfterT0))
                .finish(status, at(createdAfterT0 + 1));
    }

    private void store(Job job) {
        store.jobs().insert(job);
    }

    /** Accounted in {@link #PERIOD} when it falls in it, in the period before or after it otherwise. */
    private void storeAccounted(Job job) {
        store.jobs().insert(AccountedJob.in(job, periodOf(job.createdAt())));
    }

    /** Periods of 100 seconds from T0 on, so {@link #PERIOD} is the second one. */
    private static BillingPeriod periodOf(Instant instant) {
        long first = Math.floorDiv(Duration.between(T0, instant).getSeconds(), 100) * 100;
        return new BillingPeriod(at(first), at(first + 100), BillingInterval.MONTH);
    }

    private Job running(Source source, long createdAfterT0, boolean billable) {
        return Job.startImport(
                JobId.random(),
                source.projectId(),
                source.id(),
                "t",
                billable,
                null,
                at(createdAfterT0),
                at(createdAfterT0));
    }
}
