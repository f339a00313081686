package dev.wharf.application.port.out;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.UsageQueries.PeriodRows;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.Map;
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
}
