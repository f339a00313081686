package dev.wharf.application.service.job;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.fake.RecordingMetrics;
import dev.wharf.application.paging.Page;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.application.port.in.job.CreateSourceCommand;
import dev.wharf.application.port.in.job.DeleteSourceCommand;
import dev.wharf.application.port.in.job.FieldUpdate;
import dev.wharf.application.port.in.job.JobQuery;
import dev.wharf.application.port.in.job.JobView;
import dev.wharf.application.port.in.job.ListSourcesQuery;
import dev.wharf.application.port.in.job.ReportJobCommand;
import dev.wharf.application.port.in.job.StartJobCommand;
import dev.wharf.application.port.out.webhook.EventPublisher;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sources and the job reporting use cases against in-memory fakes. */
class JobServicesTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId OTHER = ProjectId.of(2);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);
    private Actor worker;
    private Actor reader;
    private SourceService sources;
    private JobService jobs;
    private final RecordingMetrics metrics = new RecordingMetrics();

    @BeforeEach
    void setUp() {
        User user = store.givenUser("worker@example.com");
        for (long id : new long[] {1, 2}) {
            Project project = store.givenProject(id);
            store.organizations()
                    .saveMembership(new Membership(project.organizationId(), user.id(), OrganizationRole.MEMBER, T0));
        }
        worker = new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());
        reader = new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());
        ProjectAccess access = new ProjectAccess(store.projects(), store.organizations());
        sources = new SourceService(access, store.transactions(), store.sources(), clock);
        jobs = new JobService(
                access,
                store.transactions(),
                store.sources(),
                store.jobs(),
                org -> Optional.empty(),
                store.usage(),
                clock,
                metrics,
                EventPublisher.NONE);
    }

    private Actor withScopes(Scope... scopes) {
        return new Actor(worker.userId(), ApiKeyId.random(), Set.of(scopes), Set.of(PROJECT));
    }

    private Source source(ProjectId project, String type) {
        Source source = sources.create(new CreateSourceCommand(worker, project, type, null));
        clock.advance(Duration.ofSeconds(1));
        return source;
    }

    private JobView startImport(Source source) {
        return jobs.start(new StartJobCommand(
                worker, source.projectId(), "import", source.id().toString(), "charges", null, "run", null, null));
    }

    private JobView report(JobView job, Long rows, String status, String error) {
        FieldUpdate<String> latestError = error == null ? FieldUpdate.absent() : FieldUpdate.to(error);
        return jobs.report(new ReportJobCommand(worker, PROJECT, job.job().id().toString(), rows, status, latestError));
    }

    private JobView reportError(JobView job, FieldUpdate<String> error) {
        return jobs.report(new ReportJobCommand(worker, PROJECT, job.job().id().toString(), null, null, error));
    }

    @Test
    void sourcesAreListedNewestFirstWithAFlagForMore() {
        Source stripe = source(PROJECT, "Stripe");
        Source postgres = source(PROJECT, "Postgres");
        source(OTHER, "Hubspot");

        Page<Source> first = sources.list(new ListSourcesQuery(reader, PROJECT, "1", null));
        Page<Source> second = sources.list(new ListSourcesQuery(reader, PROJECT, "1", "1"));

        assertThat(first.results()).containsExactly(postgres);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.results()).containsExactly(stripe);
        assertThat(second.hasMore()).isFalse();
        assertThat(sources.list(new ListSourcesQuery(reader, PROJECT, "999", null))
                        .paging()
                        .limit())
                .isEqualTo(50);
        assertThatThrownBy(() -> sources.list(new ListSourcesQuery(reader, PROJECT, "0", null)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("Invalid limit or offset parameter");
    }

    @Test
    void aDeletedSourceLeavesListsAndTakesNoNewJobsButItsJobsStay() {
        Source stripe = source(PROJECT, "Stripe");
        JobView job = startImport(stripe);

        sources.delete(new DeleteSourceCommand(worker, PROJECT, stripe.id().toString()));

        assertThat(sources.list(new ListSourcesQuery(reader, PROJECT, null, null))
                        .results())
                .isEmpty();
        assertThat(jobs.get(new JobQuery(reader, PROJECT, job.job().id().toString()))
                        .type())
                .isEqualTo("Stripe");
        assertThatThrownBy(() -> startImport(stripe))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("source_id");
        assertThatThrownBy(() -> sources.delete(
                        new DeleteSourceCommand(worker, PROJECT, stripe.id().toString())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anImportTakesItsSourcesTypeAndIsBillableByDefault() {
        JobView job = startImport(source(PROJECT, "Stripe"));

        assertThat(job.type()).isEqualTo("Stripe");
        assertThat(job.job().kind()).isEqualTo(JobKind.IMPORT);
        assertThat(job.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.job().billable()).isTrue();
        assertThat(job.job().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void aModelIsAMaterializedViewReportedLate() {
        JobView job = jobs.start(new StartJobCommand(
                worker, PROJECT, "model", null, null, "daily", null, null, "2026-03-14T08:00:00+01:00"));

        assertThat(job.type()).isEqualTo(JobView.MODEL_TYPE);
        assertThat(job.job().billable()).isFalse();
        assertThat(job.job().createdAt()).hasToString("2026-03-14T07:00:00Z");
        assertThat(job.job().lastHeartbeatAt()).isEqualTo(clock.instant());
    }

    @Test
    void aSourceOfAnotherProjectIsRefusedNamingSourceId() {
        Source foreign = source(OTHER, "Stripe");

        assertThatThrownBy(() -> jobs.start(new StartJobCommand(
                        worker, PROJECT, "import", foreign.id().toString(), "charges", null, null, null, null)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(JobService.UNKNOWN_SOURCE);
    }

    @Test
    void aCreatedAtInTheFutureIsRefused() {
        assertThatThrownBy(() -> jobs.start(new StartJobCommand(
                        worker,
                        PROJECT,
                        "model",
                        null,
                        null,
                        "v",
                        null,
                        null,
                        clock.instant().plusMillis(1).toString())))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("created_at must not be in the future");
    }

    @Test
    void aCreatedAtBeforeYearOneIsRefused() {
        for (String early : new String[] {"0000-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> jobs.start(
                            new StartJobCommand(worker, PROJECT, "model", null, null, "v", null, null, early)))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage("created_at must not be before 0001-01-01T00:00:00Z");
        }
        assertThat(jobs.start(new StartJobCommand(
                                worker, PROJECT, "model", null, null, "v", null, null, "0001-01-01T00:00:00Z"))
                        .job()
                        .createdAt())
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void reportsMoveTheJobAndEachIsAHeartbeat() {
        JobView job = startImport(source(PROJECT, "Stripe"));
        clock.advance(Duration.ofMinutes(5));

        JobView rows = report(job, 10L, null, "slow");
        assertThat(rows.job().rows()).isEqualTo(10);
        assertThat(rows.job().latestError()).isEqualTo("slow");
        assertThat(rows.job().lastHeartbeatAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(1));
        JobView done = report(job, 20L, "Completed", null);
        assertThat(done.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.job().finishedAt()).isEqualTo(clock.instant());
        assertThat(done.type()).isEqualTo("Stripe");
    }

    @Test
    void anExplicitNullClearsTheLatestErrorAndAnAbsentOneLeavesIt() {
        JobView job = startImport(source(PROJECT, "Stripe"));
        report(job, null, null, "slow");

        assertThat(report(job, 5L, null, null).job().latestError()).isEqualTo("slow");
        assertThat(reportError(job, FieldUpdate.absent()).job().latestError()).isEqualTo("slow");
        JobView cleared = reportError(job, FieldUpdate.to(null));
        assertThat(cleared.job().latestError()).isNull();
        assertThat(cleared.job().rows()).isEqualTo(5);
        assertThat(store.jobs().findById(PROJECT, job.job().id()).orElseThrow().latestError())
                .isNull();
    }

    @Test
    void aFinishedJobRefusesToClearItsError() {
        JobView job = startImport(source(PROJECT, "Stripe"));
        report(job, null, "Failed", "boom");

        assertThatThrownBy(() -> reportError(job, FieldUpdate.to(null)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("job is Failed and can no longer change");
        assertThat(store.jobs().findById(PROJECT, job.job().id()).orElseThrow().latestError())
                .isEqualTo("boom");
    }

    @Test
    void rowsNeverGoDownAndAFinishedJobNeverChanges() {
        JobView job = startImport(source(PROJECT, "Stripe"));
        report(job, 10L, null, null);

        assertThatThrownBy(() -> report(job, 9L, null, null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("rows");
        assertThatThrownBy(() -> report(job, null, "Running", null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("status must be one of Completed, Failed");
        report(job, null, "Cancelled", null);
        assertThatThrownBy(() -> report(job, null, null, null)).isInstanceOf(ConflictException.class);
        Job stored = store.jobs().findById(PROJECT, job.job().id()).orElseThrow();
        assertThat(stored.rows()).isEqualTo(10);
        assertThat(stored.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void theMetricsCountTheRowsEachReportAddsByKindAndNothingForARefusedReport() {
        JobView job = startImport(source(PROJECT, "Stripe"));
        report(job, 10L, null, null);
        report(job, 10L, null, null);
        assertThatThrownBy(() -> report(job, 9L, null, null)).isInstanceOf(RuleViolationException.class);
        report(job, 25L, "Completed", null);

        assertThat(metrics.counts()).containsExactly(entry("rowsReported IMPORT", 25L));
    }

    @Test
    void readingAJobNeedsTheReadScopeOrTheJobsScope() {
        JobView job = startImport(source(PROJECT, "Stripe"));
        String id = job.job().id().toString();
        Actor viewer = withScopes(Scope.WAREHOUSE_VIEW_WRITE);
        Actor scopeless = withScopes();

        assertThat(jobs.get(new JobQuery(viewer, PROJECT, id)).job().id())
                .isEqualTo(job.job().id());
        assertThatThrownBy(() -> jobs.get(new JobQuery(scopeless, PROJECT, id)))
                .isInstanceOf(MissingScopeException.class)
                .hasMessage("API key missing required scope 'warehouse_view:read' or 'warehouse_jobs:write'");
        assertThatThrownBy(() -> jobs.get(new JobQuery(scopeless, OTHER, id)))
                .isInstanceOf(ProjectNotVisibleException.class);
    }

    @Test
    void aJobOfAnotherProjectIsNotFound() {
        JobView foreign = startImport(source(OTHER, "Stripe"));

        assertThatThrownBy(() -> jobs.get(
                        new JobQuery(reader, PROJECT, foreign.job().id().toString())))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("job not found");
        assertThatThrownBy(() -> report(foreign, 1L, null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.get(new JobQuery(reader, PROJECT, "nope")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void readersReadWorkersWriteAndReadBackTheirJobs() {
        Source stripe = source(PROJECT, "Stripe");
        JobView job = startImport(stripe);

        assertThatThrownBy(() -> sources.create(new CreateSourceCommand(reader, PROJECT, "Stripe", null)))
                .isInstanceOf(MissingScopeException.class);
        assertThatThrownBy(() -> jobs.report(new ReportJobCommand(
                        reader, PROJECT, job.job().id().toString(), 1L, null, FieldUpdate.absent())))
                .isInstanceOf(MissingScopeException.class);
        assertThat(jobs.get(new JobQuery(worker, PROJECT, job.job().id().toString())))
                .isEqualTo(jobs.get(new JobQuery(reader, PROJECT, job.job().id().toString())));
        assertThatThrownBy(() -> sources.list(new ListSourcesQuery(worker, ProjectId.of(3), null, null)))
                .isInstanceOf(ProjectNotVisibleException.class);
    }
}
