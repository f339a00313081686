package dev.wharf.application.service.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.application.port.in.usage.BillingInformationUnavailableException;
import dev.wharf.application.port.in.usage.TotalRowsStats;
import dev.wharf.application.port.in.usage.TotalRowsStatsQuery;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** total_rows_stats against in-memory fakes: the sums, the deliberate fixes, no billing, and failures. */
class TotalRowsStatsServiceTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final BillingPeriod PERIOD =
            new BillingPeriod(START, Instant.parse("2026-04-01T00:00:00Z"), BillingInterval.MONTH);
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private Project project;
    private Actor reader;
    private Source stripe;
    private Source hubspot;

    @BeforeEach
    void setUp() {
        project = store.givenProject(1);
        User user = store.givenUser("reader@example.com");
        store.organizations()
                .saveMembership(new Membership(project.organizationId(), user.id(), OrganizationRole.MEMBER, START));
        reader = new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());
        stripe = source("Stripe");
        hubspot = source("Hubspot");
    }

    @Test
    void theBreakdownSumsToTheDatabaseRowsAndPendingIsWhatBillingHasNotTrackedYet() {
        job(stripe, day(1), true, 300, JobStatus.COMPLETED);
        job(stripe, day(2), true, 200, JobStatus.RUNNING);
        job(hubspot, day(3), true, 500, JobStatus.BILLING_LIMIT_REACHED);
        store.jobs()
                .insert(Job.startModel(JobId.random(), PROJECT, "m", null, day(4), day(4))
                        .reportRows(70, day(4)));

        TotalRowsStats stats = stats(billing(400));

        assertThat(stats.billingAvailable()).isTrue();
        assertThat(stats.period()).contains(PERIOD);
        assertThat(stats.rowsBySource()).isEqualTo(Map.of(stripe.id(), 500L, hubspot.id(), 500L));
        assertThat(stats.rowsBySource().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(1_000);
        assertThat(stats.trackedBillingRows()).isEqualTo(400);
        assertThat(stats.pendingBillingRows()).isEqualTo(600);
        assertThat(stats.totalRows()).isEqualTo(1_000);
        assertThat(stats.materializedRows()).isEqualTo(70);
    }

    @Test
    void trackedRowsAboveTheDatabaseRowsLeaveNothingPending() {
        job(stripe, day(1), true, 300, JobStatus.COMPLETED);

        TotalRowsStats stats = stats(billing(1_000));

        assertThat(stats.pendingBillingRows()).isZero();
        assertThat(stats.totalRows()).isEqualTo(1_000);
    }

    @Test
    void rowsOfFailedImportsAreNotBilledNorInTheBreakdown() {
        job(stripe, day(1), true, 300, JobStatus.COMPLETED);
        job(stripe, day(2), true, 9_000, JobStatus.FAILED);

        TotalRowsStats stats = stats(billing(0));

        assertThat(stats.totalRows()).isEqualTo(300);
        assertThat(stats.rowsBySource()).containsEntry(stripe.id(), 300L);
    }

    @Test
    void nonBillableImportsCountNowhere() {
        job(stripe, day(1), false, 9_000, JobStatus.COMPLETED);

        TotalRowsStats stats = stats(billing(0));

        assertThat(stats.totalRows()).isZero();
        assertThat(stats.rowsBySource()).containsEntry(stripe.id(), 0L).containsEntry(hubspot.id(), 0L);
    }

    @Test
    void jobsCreatedOutsideTheHalfOpenPeriodAreLeftOut() {
        job(stripe, START.minusNanos(1000), true, 1, JobStatus.COMPLETED);
        job(stripe, START, true, 10, JobStatus.COMPLETED);
        job(stripe, PERIOD.end().minusNanos(1000), true, 100, JobStatus.COMPLETED);
        job(stripe, PERIOD.end(), true, 1_000, JobStatus.COMPLETED);
        store.jobs()
                .insert(Job.startModel(JobId.random(), PROJECT, "m", null, PERIOD.end(), PERIOD.end())
                        .reportRows(5, PERIOD.end()));

        TotalRowsStats stats = stats(billing(0));

        assertThat(stats.totalRows()).isEqualTo(110);
        assertThat(stats.materializedRows()).isZero();
    }

    @Test
    void aDeletedSourceLeavesTheBreakdownButItsRowsStayInTheTotal() {
        job(stripe, day(1), true, 300, JobStatus.COMPLETED);
        job(hubspot, day(1), true, 20, JobStatus.COMPLETED);
        store.sources().update(stripe.delete(day(2)));

        TotalRowsStats stats = stats(billing(0));

        assertThat(stats.rowsBySource()).isEqualTo(Map.of(hubspot.id(), 20L));
        assertThat(stats.totalRows()).isEqualTo(320);
    }

    @Test
    void withoutBillingEveryCountIsZeroAndThereIsNoBreakdown() {
        job(stripe, day(1), true, 300, JobStatus.COMPLETED);

        TotalRowsStats stats = stats(organization -> Optional.empty());

        assertThat(stats).isEqualTo(TotalRowsStats.unavailable());
        assertThat(stats.billingAvailable()).isFalse();
        assertThat(stats.totalRows()).isZero();
    }

    @Test
    void theBillingSourceIsAskedAboutTheProjectsOrganization() {
        Object[] asked = new Object[1];
        stats(organization -> {
            asked[0] = organization;
            return Optional.empty();
        });

        assertThat(asked[0]).isEqualTo(project.organizationId());
    }

    @Test
    void aFailingBillingSourceOrDatabaseRefusesTheWholeAnswer() {
        BillingSource broken = organization -> {
            throw new IllegalStateException("billing timed out");
        };
        UsageQueries brokenDb = new UsageQueries() {
            @Override
            public PeriodRows rowsInPeriod(ProjectId projectId, BillingPeriod period) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public long billableRowsOfOrganization(OrganizationId organizationId, BillingPeriod period) {
                throw new IllegalStateException("connection refused");
            }
        };

        assertThatThrownBy(() -> stats(broken))
                .isInstanceOf(BillingInformationUnavailableException.class)
                .hasMessage("An error occurred retrieving billing information");
        assertThatThrownBy(() -> service(billing(0), brokenDb).totalRowsStats(new TotalRowsStatsQuery(reader, PROJECT)))
                .isInstanceOf(BillingInformationUnavailableException.class);
    }

    @Test
    void accessIsDecidedBeforeBillingIsAsked() {
        Actor noScope = new Actor(reader.userId(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());
        BillingSource never = organization -> {
            throw new AssertionError("billing must not be asked");
        };

        assertThatThrownBy(
                        () -> service(never, store.usage()).totalRowsStats(new TotalRowsStatsQuery(noScope, PROJECT)))
                .isInstanceOf(MissingScopeException.class);
        assertThatThrownBy(() ->
                        service(never, store.usage()).totalRowsStats(new TotalRowsStatsQuery(reader, ProjectId.of(99))))
                .isInstanceOf(ProjectNotVisibleException.class);
    }

    private TotalRowsStats stats(BillingSource billing) {
        return service(billing, store.usage()).totalRowsStats(new TotalRowsStatsQuery(reader, PROJECT));
    }

    private TotalRowsStatsService service(BillingSource billing, UsageQueries usage) {
        return new TotalRowsStatsService(new ProjectAccess(store.projects(), store.organizations()), billing, usage);
    }

    private static BillingSource billing(long tracked) {
        return organization -> Optional.of(new Billing(PERIOD, tracked, OptionalLong.empty()));
    }

    private static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }

    private Source source(String type) {
        Source source = Source.create(SourceId.random(), PROJECT, type, null, START.minus(Duration.ofDays(30)));
        store.sources().insert(source);
        return source;
    }

    private void job(Source source, Instant createdAt, boolean billable, long rows, JobStatus status) {
        Job job = Job.startImport(JobId.random(), PROJECT, source.id(), "t", billable, null, createdAt, createdAt)
                .reportRows(rows, createdAt);
        store.jobs().insert(status == JobStatus.RUNNING ? job : job.finish(status, createdAt.plusSeconds(1)));
    }
}
