package dev.wharf.adapters.out.jdbi;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.adapters.out.jdbi.usage.UsageVersion;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.application.port.out.usage.UsageQueriesContract;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The usage queries' contract on H2 and on PostgreSQL, and where the JDBI store reads a period's rows from. */
class JdbiUsageQueriesTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final BillingPeriod PERIOD = new BillingPeriod(at(100), at(200), BillingInterval.MONTH);

    @Nested
    class OnH2 extends UsageQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }

        @Test
        void anAccountedPeriodIsReadFromItsSumsAndUnaccountedJobsFromTheJobs() {
            readsSumsOfAccountedJobs(JdbiFixture::h2);
        }

        @Test
        void anAnswerIsReadAgainOnlyAfterTheUsageVersionMoved() {
            readsOncePerVersion(JdbiFixture::h2);
        }

        @Test
        void nothingSeenInsideATransactionIsKept() {
            keepsNothingFromATransaction(JdbiFixture::h2);
        }
    }

    @Nested
    class OnPostgres extends UsageQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }

        @Test
        void anAccountedPeriodIsReadFromItsSumsAndUnaccountedJobsFromTheJobs() {
            readsSumsOfAccountedJobs(JdbiFixture::postgres);
        }

        @Test
        void anAnswerIsReadAgainOnlyAfterTheUsageVersionMoved() {
            readsOncePerVersion(JdbiFixture::postgres);
        }

        @Test
        void nothingSeenInsideATransactionIsKept() {
            keepsNothingFromATransaction(JdbiFixture::postgres);
        }
    }

    /**
     * Rewrites the period's sums behind the store's back: the answer kept at the current version does not see it; once
     * the version moves (as every change through the store moves it), the next answer does.
     */
    private static void readsOncePerVersion(Supplier<JdbiFixture> fixtures) {
        try (JdbiFixture store = fixtures.get()) {
            store.givenProject(1);
            Source source = Source.create(SourceId.random(), PROJECT, "Stripe", null, T0);
            store.sources().insert(source);
            Job job = Job.startImport(JobId.random(), PROJECT, source.id(), "a", true, null, at(150), at(150))
                    .reportRows(70, at(150));
            store.jobs().insert(AccountedJob.in(job, PERIOD));
            assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                    .isEqualTo(70);

            store.jdbi().useHandle(h -> h.execute("UPDATE usage_source_rows SET billable_rows = billable_rows * 1000"));
            assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                    .isEqualTo(70);

            store.jdbi().useTransaction(h -> UsageVersion.move(h, List.of(PROJECT.value())));
            assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                    .isEqualTo(70_000);
        }
    }

    /** Rows read inside a transaction that rolls back are neither kept nor given to a later reader. */
    private static void keepsNothingFromATransaction(Supplier<JdbiFixture> fixtures) {
        try (JdbiFixture store = fixtures.get()) {
            store.givenProject(1);
            Source source = Source.create(SourceId.random(), PROJECT, "Stripe", null, T0);
            store.sources().insert(source);
            assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                    .isZero();

            assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                        store.jobs()
                                .insert(AccountedJob.in(
                                        Job.startImport(
                                                        JobId.random(),
                                                        PROJECT,
                                                        source.id(),
                                                        "a",
                                                        true,
                                                        null,
                                                        at(150),
                                                        at(150))
                                                .reportRows(70, at(150)),
                                        PERIOD));
                        assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                                .isEqualTo(70);
                        throw new IllegalStateException("roll back");
                    }))
                    .hasMessage("roll back");

            assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                    .isZero();
            store.jdbi().useTransaction(h -> UsageVersion.move(h, List.of(PROJECT.value())));
            assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                    .isZero();
        }
    }

    /**
     * Rewrites the jobs' rows behind the store's back: the accounted job's rows come from the period's sums, which
     * did not see the rewrite, and the unaccounted job's from the job, which did.
     */
    private static void readsSumsOfAccountedJobs(Supplier<JdbiFixture> fixtures) {
        try (JdbiFixture store = fixtures.get()) {
            store.givenProject(1);
            Source source = Source.create(SourceId.random(), PROJECT, "Stripe", null, T0);
            store.sources().insert(source);
            Job accounted = Job.startImport(JobId.random(), PROJECT, source.id(), "a", true, null, at(150), at(150))
                    .reportRows(70, at(150));
            Job unaccounted = Job.startImport(JobId.random(), PROJECT, source.id(), "b", true, null, at(150), at(150))
                    .reportRows(5, at(150));
            store.jobs().insert(AccountedJob.in(accounted, PERIOD));
            store.jobs().insert(unaccounted);

            store.jdbi().useHandle(h -> h.execute("UPDATE warehouse_job SET rows_count = rows_count * 1000"));

            assertThat(store.usage().rowsInPeriod(PROJECT, PERIOD).billableRows())
                    .isEqualTo(70 + 5_000);
        }
    }
}
