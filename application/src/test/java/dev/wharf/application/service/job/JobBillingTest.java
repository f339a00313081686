package dev.wharf.application.service.job;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.job.CreateSourceCommand;
import dev.wharf.application.port.in.job.FieldUpdate;
import dev.wharf.application.port.in.job.JobView;
import dev.wharf.application.port.in.job.ReportJobCommand;
import dev.wharf.application.port.in.job.StartJobCommand;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.usage.BillingSource;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.application.service.usage.CachingBillingSource;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How starting a job meets billing: the period a job is accounted in, and the organization's row limit. */
class JobBillingTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId SIBLING = ProjectId.of(3);
    private static final BillingPeriod PERIOD =
            BillingPeriod.containing(T0.minus(Duration.ofDays(3)), BillingInterval.MONTH, T0);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);
    private final List<AccountedJob> inserted = new ArrayList<>();
    private Supplier<Optional<Billing>> billing = () -> Optional.of(new Billing(PERIOD, 0, OptionalLong.of(1_000)));
    private Actor worker;
    private JobService jobs;
    private Source stripe;
    private Source siblingSource;

    @BeforeEach
    void setUp() {
        User user = store.givenUser("worker@example.com");
        Project project = store.givenProject(1);
        store.projects()
                .insert(new Project(SIBLING, project.organizationId(), "Sibling", java.time.ZoneOffset.UTC, T0));
        store.organizations()
                .saveMembership(new Membership(project.organizationId(), user.id(), OrganizationRole.MEMBER, T0));
        worker = new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());
        ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
        SourceService sources = new SourceService(access, store.transactions(), store.sources(), clock);
        BillingSource billingSource = organization -> billing.get();
        jobs = new JobService(
                access,
                store.transactions(),
                store.sources(),
                recording(store.jobs()),
                billingSource,
                store.usage(),
                clock,
                Metrics.NONE,
                EventPublisher.NONE);
        stripe = sources.create(new CreateSourceCommand(worker, PROJECT, "Stripe", null));
        siblingSource = sources.create(new CreateSourceCommand(worker, SIBLING, "Stripe", null));
    }

    @Test
    void aJobIsAccountedInTheCurrentPeriodWhenItsCreationFallsInIt() {
        startImport(stripe, null);
        startModel(null);
        startImport(stripe, PERIOD.start().minusSeconds(1).toString());

        assertThat(inserted)
                .extracting(AccountedJob::period)
                .containsExactly(Optional.of(PERIOD), Optional.of(PERIOD), Optional.empty());
    }

    @Test
    void belowTheLimitAnImportRuns() {
        JobView job = reportRows(startImport(stripe, null), 999);

        assertThat(job.job().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void onceTheOrganizationsProjectsReachTheLimitANewBillableImportIsRecordedAsReachingIt() {
        reportRows(startImport(stripe, null), 600);
        store.jobs()
                .insert(AccountedJob.in(
                        Job.startImport(JobId.random(), SIBLING, siblingSource.id(), "t", true, null, T0, T0)
                                .reportRows(400, T0),
                        PERIOD));
        clock.advance(Duration.ofSeconds(5));

        JobView refused = startImport(stripe, null);

        assertThat(refused.job().status()).isEqualTo(JobStatus.BILLING_LIMIT_REACHED);
        assertThat(refused.job().finishedAt()).isEqualTo(clock.instant());
        assertThat(refused.job().rows()).isZero();
        assertThat(store.jobs()
                        .findById(PROJECT, refused.job().id())
                        .orElseThrow()
                        .status())
                .isEqualTo(JobStatus.BILLING_LIMIT_REACHED);
    }

    @Test
    void theLimitDoesNotStopNonBillableImportsOrModels() {
        reportRows(startImport(stripe, null), 1_000);

        JobView free = jobs.start(new StartJobCommand(
                worker, PROJECT, "import", stripe.id().toString(), "charges", null, null, false, null));

        assertThat(free.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(startModel(null).job().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void withoutALimitOrWithoutBillingNothingIsRefused() {
        reportRows(startImport(stripe, null), 5_000);
        billing = () -> Optional.of(new Billing(PERIOD, 0, OptionalLong.empty()));
        assertThat(startImport(stripe, null).job().status()).isEqualTo(JobStatus.RUNNING);
        billing = Optional::empty;
        assertThat(startImport(stripe, null).job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(inserted.get(inserted.size() - 1).period()).isEmpty();
    }

    @Test
    void aBillingOutageDoesNotStopPipelines() {
        reportRows(startImport(stripe, null), 5_000);
        billing = () -> {
            throw new IllegalStateException("billing service timed out");
        };

        JobView job = startImport(stripe, null);

        assertThat(job.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(inserted.get(inserted.size() - 1).period()).isEmpty();
    }

    @Test
    void aCachingBillingSourceAsksOncePerOrganizationUntilItsAnswerExpires() {
        AtomicInteger asked = new AtomicInteger();
        BillingSource counting = organization -> {
            asked.incrementAndGet();
            return billing.get();
        };
        CachingBillingSource cached = new CachingBillingSource(counting, Duration.ofSeconds(60), clock);
        Project project = store.projects().findById(PROJECT).orElseThrow();

        cached.billingFor(project.organizationId());
        clock.advance(Duration.ofSeconds(59));
        cached.billingFor(project.organizationId());
        assertThat(asked).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cached.billingFor(project.organizationId())).isEqualTo(billing.get());
        assertThat(asked).hasValue(2);
    }

    private JobView startImport(Source source, String createdAt) {
        return jobs.start(new StartJobCommand(
                worker, source.projectId(), "import", source.id().toString(), "charges", null, null, null, createdAt));
    }

    private JobView startModel(String createdAt) {
        return jobs.start(
                new StartJobCommand(worker, PROJECT, "model", null, null, "daily_revenue", null, null, createdAt));
    }

    private JobView reportRows(JobView job, long rows) {
        return jobs.report(
                new ReportJobCommand(worker, PROJECT, job.job().id().toString(), rows, null, FieldUpdate.absent()));
    }

    private JobRepository recording(JobRepository jobs) {
        return new JobRepository() {
            @Override
            public void insert(AccountedJob job) {
                inserted.add(job);
                jobs.insert(job);
            }

            @Override
            public void insertAll(List<AccountedJob> all) {
                inserted.addAll(all);
                jobs.insertAll(all);
            }

            @Override
            public Optional<Job> findById(ProjectId projectId, JobId id) {
                return jobs.findById(projectId, id);
            }

            @Override
            public Optional<Job> findByIdForUpdate(ProjectId projectId, JobId id) {
                return jobs.findByIdForUpdate(projectId, id);
            }

            @Override
            public void update(Job job) {
                jobs.update(job);
            }

            @Override
            public List<Job> findRunningWithHeartbeatBefore(Instant cutoff, int limit) {
                return jobs.findRunningWithHeartbeatBefore(cutoff, limit);
            }
        };
    }
}
