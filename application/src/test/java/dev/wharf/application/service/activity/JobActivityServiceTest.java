package dev.wharf.application.service.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.paging.Paging;
import dev.wharf.application.port.in.activity.ActivityPage;
import dev.wharf.application.port.in.activity.ActivityQuery;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.out.activity.JobActivity;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** running_activity and completed_activity against in-memory fakes, at a fixed time. */
class JobActivityServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589793Z");
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private JobActivityService service;
    private Actor reader;
    private Source stripe;

    @BeforeEach
    void setUp() {
        Project project = store.givenProject(1);
        User user = store.givenUser("reader@example.com");
        store.organizations()
                .saveMembership(new Membership(project.organizationId(), user.id(), OrganizationRole.MEMBER, NOW));
        reader = new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());
        service = new JobActivityService(
                new ProjectAccess(store.projects(), store.organizations()),
                store.jobActivity(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        stripe = Source.create(SourceId.random(), PROJECT, "Stripe", null, NOW.minus(Duration.ofDays(90)));
        store.sources().insert(stripe);
    }

    @Test
    void runningJobsArePagedNewestFirstWithRelativeLinksWithoutKind() {
        List<Job> jobs = runningImports(25);

        ActivityPage first = service.running(query(null, null, null, "import", null));
        ActivityPage second = service.running(query("20", "20", null, null, null));

        assertThat(first.page().results())
                .extracting(JobActivity::id)
                .containsExactlyElementsOf(ids(jobs.subList(5, 25)));
        assertThat(first.page().paging()).isEqualTo(new Paging(20, 0));
        assertThat(first.page().hasMore()).isTrue();
        assertThat(first)
                .extracting(ActivityPage::cutoffDays, ActivityPage::kind, ActivityPage::outcome)
                .as("the links carry the cutoff, and neither kind nor outcome")
                .containsExactly(30, null, null);
        assertThat(second.page().results())
                .extracting(JobActivity::id)
                .containsExactlyElementsOf(ids(jobs.subList(0, 5)));
        assertThat(second.page().paging()).isEqualTo(new Paging(20, 20));
        assertThat(second.page().hasMore()).isFalse();
    }

    @Test
    void theLimitIsCappedAt50AndANegativeOffsetIsZero() {
        runningImports(60);

        ActivityPage page = service.running(query("1000", "-7", "5", null, null));

        assertThat(page.page().results()).hasSize(50);
        assertThat(page.page().paging()).isEqualTo(new Paging(50, 0));
        assertThat(page.page().hasMore()).isTrue();
        assertThat(page.cutoffDays()).isEqualTo(5);
        assertThat(service.running(query("10", "15", null, null, null)).page().paging())
                .isEqualTo(new Paging(10, 15));
    }

    @Test
    void aLimitBelowOneOrANonIntegerIsRefused() {
        for (String[] bad : new String[][] {
            {"0", null, null},
            {"-1", null, null},
            {"abc", null, null},
            {"", null, null},
            {"1.5", null, null},
            {null, "x", null},
            {null, null, "7d"}
        }) {
            assertThatThrownBy(() -> service.running(query(bad[0], bad[1], bad[2], null, null)))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage(JobActivityService.INVALID_INTS);
            assertThatThrownBy(() -> service.completed(query(bad[0], bad[1], bad[2], null, null)))
                    .hasMessage(JobActivityService.INVALID_INTS);
        }
    }

    @Test
    void kindIsCheckedBeforeOutcomeAndOutcomeBeforeTheIntegers() {
        assertThatThrownBy(() -> service.running(query("x", null, null, "views", null)))
                .hasMessage(JobActivityService.INVALID_KIND);
        assertThatThrownBy(() -> service.completed(query("x", null, null, "views", "nope")))
                .hasMessage(JobActivityService.INVALID_KIND);
        assertThatThrownBy(() -> service.completed(query("x", null, null, "all", "nope")))
                .hasMessage(JobActivityService.INVALID_OUTCOME);
    }

    @Test
    void theCutoffIsCutoffDaysBeforeNow() {
        Job recent = store(importJob("recent", Duration.ofDays(2)));
        store(importJob("old", Duration.ofDays(40)));

        assertThat(ids(service.running(query(null, null, null, null, null)))).containsExactly(recent.id());
        assertThat(ids(service.running(query(null, null, "50", null, null)))).hasSize(2);
        assertThat(ids(service.running(query(null, null, "1", null, null)))).isEmpty();
        assertThat(ids(service.running(query(null, null, "-3", null, null)))).isEmpty();
    }

    @Test
    void completedActivityFiltersByOutcomeAndKindAndCarriesBothInItsLinks() {
        Job completed = store(importJob("a", Duration.ofHours(9)).finish(JobStatus.COMPLETED, NOW));
        Job tooLow = store(importJob("b", Duration.ofHours(8)).finish(JobStatus.BILLING_LIMIT_TOO_LOW, NOW));
        Job modelFailed = store(model("c", Duration.ofHours(7)).finish(JobStatus.FAILED, NOW));
        Job modelLimited = store(model("d", Duration.ofHours(6)).finish(JobStatus.BILLING_LIMIT_REACHED, NOW));
        Job cancelled = store(model("e", Duration.ofHours(5)).finish(JobStatus.CANCELLED, NOW));
        store(importJob("running", Duration.ofHours(4)));

        assertThat(ids(service.completed(query(null, null, null, null, null)))).containsExactly(completed.id());
        assertThat(ids(service.completed(query(null, null, null, null, "failed"))))
                .containsExactly(modelFailed.id(), tooLow.id());
        assertThat(ids(service.completed(query(null, null, null, "model", "all"))))
                .containsExactly(cancelled.id(), modelLimited.id(), modelFailed.id());
        ActivityPage page = service.completed(query("1", "1", null, "all", "all"));
        assertThat(ids(page)).containsExactly(modelLimited.id());
        assertThat(page.page().paging()).isEqualTo(new Paging(1, 1));
        assertThat(page.page().hasMore()).isTrue();
        assertThat(page)
                .extracting(ActivityPage::cutoffDays, ActivityPage::outcome, ActivityPage::kind)
                .containsExactly(30, "all", "all");
        assertThat(service.completed(query(null, null, null, null, null)))
                .as("the defaults are named in the links")
                .extracting(ActivityPage::outcome, ActivityPage::kind)
                .containsExactly("completed", "all");
        assertThat(service.completed(query("2", null, null, null, null)).page().hasMore())
                .isFalse();
    }

    @Test
    void readingNeedsTheReadScope() {
        Actor writerOnly = new Actor(reader.userId(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());

        assertThatThrownBy(() -> service.running(new ActivityQuery(writerOnly, PROJECT, null, null, null, null, null)))
                .isInstanceOf(MissingScopeException.class);
        assertThatThrownBy(
                        () -> service.completed(new ActivityQuery(writerOnly, PROJECT, "bad", null, null, null, null)))
                .as("access is decided before the parameters")
                .isInstanceOf(MissingScopeException.class);
    }

    private ActivityQuery query(String limit, String offset, String cutoffDays, String kind, String outcome) {
        return new ActivityQuery(reader, PROJECT, limit, offset, cutoffDays, kind, outcome);
    }

    /** {@code count} running imports, one a minute, oldest first. */
    private List<Job> runningImports(int count) {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(store(importJob("schema" + i, Duration.ofMinutes(count - i))));
        }
        return jobs;
    }

    private Job importJob(String name, Duration age) {
        Instant created = NOW.minus(age);
        return Job.startImport(JobId.random(), PROJECT, stripe.id(), name, true, null, created, created);
    }

    private Job model(String name, Duration age) {
        Instant created = NOW.minus(age);
        return Job.startModel(JobId.random(), PROJECT, name, null, created, created);
    }

    private Job store(Job job) {
        store.jobs().insert(job);
        return job;
    }

    private static List<JobId> ids(List<Job> jobs) {
        List<JobId> ids = new ArrayList<>(jobs.stream().map(Job::id).toList());
        Collections.reverse(ids);
        return ids;
    }

    private static List<JobId> ids(ActivityPage page) {
        return page.page().results().stream().map(JobActivity::id).toList();
    }
}
