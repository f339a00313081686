package dev.wharf.application.service.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.port.in.activity.JobStats;
import dev.wharf.application.port.in.activity.JobStats.BucketCounts;
import dev.wharf.application.port.in.activity.JobStats.KindCounts;
import dev.wharf.application.port.in.activity.JobStatsQuery;
import dev.wharf.application.port.in.auth.Actor;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** job_stats against in-memory fakes, at a fixed time, in UTC and in a project time zone. */
class JobStatsServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589793Z");
    private static final ProjectId UTC_PROJECT = ProjectId.of(1);
    private static final ProjectId TOKYO = ProjectId.of(2);
    private static final ProjectId KATHMANDU = ProjectId.of(3);

    private final InMemoryFixture store = new InMemoryFixture();
    private JobStatsService service;
    private Actor reader;
    private Source stripe;

    @BeforeEach
    void setUp() {
        Project project = store.givenProject(1);
        store.projects().insert(new Project(TOKYO, project.organizationId(), "Tokyo", ZoneId.of("Asia/Tokyo"), NOW));
        store.projects()
                .insert(new Project(
                        KATHMANDU, project.organizationId(), "Kathmandu", ZoneId.of("Asia/Kathmandu"), NOW));
        User user = store.givenUser("reader@example.com");
        store.organizations()
                .saveMembership(new Membership(project.organizationId(), user.id(), OrganizationRole.MEMBER, NOW));
        reader = new Actor(user.id(), ApiKeyId.random(), Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());
        service = new JobStatsService(
                new ProjectAccess(store.projects(), store.organizations()),
                store.jobActivity(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        stripe = Source.create(SourceId.random(), UTC_PROJECT, "Stripe", null, NOW.minus(Duration.ofDays(90)));
        store.sources().insert(stripe);
    }

    @Test
    void sevenDaysCountPerKindAndBucketByDateNewestFirst() {
        store(importJob(UTC_PROJECT, Duration.ofHours(1), true).finish(JobStatus.COMPLETED, NOW));
        store(importJob(UTC_PROJECT, Duration.ofDays(2), true).finish(JobStatus.BILLING_LIMIT_TOO_LOW, NOW));
        store(importJob(UTC_PROJECT, Duration.ofDays(20), true).finish(JobStatus.FAILED, NOW));
        store(importJob(UTC_PROJECT, Duration.ofHours(2), false).finish(JobStatus.FAILED, NOW));
        store(importJob(UTC_PROJECT, Duration.ofHours(3), true));
        store(importJob(UTC_PROJECT, Duration.ofDays(8), true));
        store(model(UTC_PROJECT, Duration.ofHours(4)).finish(JobStatus.FAILED, NOW));
        store(model(UTC_PROJECT, Duration.ofDays(3)).finish(JobStatus.COMPLETED, NOW));
        store(model(UTC_PROJECT, Duration.ofDays(1)).finish(JobStatus.CANCELLED, NOW));
        store(model(UTC_PROJECT, Duration.ofHours(5)));
        store(model(UTC_PROJECT, Duration.ofDays(9)).finish(JobStatus.COMPLETED, NOW));

        JobStats stats = service.stats(query(UTC_PROJECT, null));

        assertThat(stats.days()).isEqualTo(7);
        assertThat(stats.cutoff()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(stats.imports()).isEqualTo(new KindCounts(3, 1, 1, 2));
        assertThat(stats.models()).isEqualTo(new KindCounts(4, 1, 1, 1));
        assertThat(stats.totalJobs()).isEqualTo(7);
        assertThat(stats.successfulJobs()).isEqualTo(2);
        assertThat(stats.failedJobs()).isEqualTo(3);
        assertThat(stats.breakdown().keySet())
                .containsExactly(
                        "2026-03-14",
                        "2026-03-13",
                        "2026-03-12",
                        "2026-03-11",
                        "2026-03-10",
                        "2026-03-09",
                        "2026-03-08");
        assertThat(stats.breakdown().get("2026-03-14")).isEqualTo(new BucketCounts(1, 1));
        assertThat(stats.breakdown().get("2026-03-12")).isEqualTo(new BucketCounts(0, 1));
        assertThat(stats.breakdown().get("2026-03-11")).isEqualTo(new BucketCounts(1, 0));
        assertThat(stats.breakdown().get("2026-03-13")).isEqualTo(new BucketCounts(0, 0));
        assertThat(service.stats(query(UTC_PROJECT, "30")).breakdown()).hasSize(30);
    }

    @Test
    void oneDayHas24HourBucketsInTheProjectsTimeZone() {
        store(model(TOKYO, Duration.ofMinutes(30)).finish(JobStatus.COMPLETED, NOW));
        store(model(TOKYO, Duration.ofHours(23)).finish(JobStatus.FAILED, NOW));

        JobStats stats = service.stats(query(TOKYO, "1"));

        assertThat(stats.breakdown()).hasSize(24);
        assertThat(stats.breakdown().keySet()).first().isEqualTo("2026-03-14T18:00:00+09:00");
        assertThat(stats.breakdown().keySet()).last().isEqualTo("2026-03-13T19:00:00+09:00");
        assertThat(stats.breakdown().get("2026-03-14T18:00:00+09:00")).isEqualTo(new BucketCounts(0, 0));
        assertThat(stats.breakdown().get("2026-03-14T17:00:00+09:00")).isEqualTo(new BucketCounts(1, 0));
        assertThat(stats.breakdown().get("2026-03-13T19:00:00+09:00")).isEqualTo(new BucketCounts(0, 1));
        assertThat(service.stats(query(UTC_PROJECT, "1")).breakdown().keySet())
                .first()
                .isEqualTo("2026-03-14T09:00:00+00:00");
        assertThat(service.stats(query(TOKYO, "7")).breakdown().keySet())
                .first()
                .isEqualTo("2026-03-14");
    }

    @Test
    void hoursAndDaysOfAZoneOffByAQuarterHourStartAtItsOwnHourAndMidnight() {
        Instant hour = Instant.parse("2026-03-14T09:15:00Z");
        Instant midnight = Instant.parse("2026-03-13T18:15:00Z");
        Duration micro = Duration.ofNanos(1000);
        store(modelAt(KATHMANDU, hour).finish(JobStatus.COMPLETED, NOW));
        store(modelAt(KATHMANDU, hour.minus(micro)).finish(JobStatus.FAILED, NOW));
        store(modelAt(KATHMANDU, midnight).finish(JobStatus.COMPLETED, NOW));
        store(modelAt(KATHMANDU, midnight.minus(micro)).finish(JobStatus.FAILED, NOW));

        JobStats oneDay = service.stats(query(KATHMANDU, "1"));
        JobStats week = service.stats(query(KATHMANDU, "7"));

        assertThat(oneDay.breakdown().keySet()).first().isEqualTo("2026-03-14T15:00:00+05:45");
        assertThat(oneDay.breakdown().keySet()).last().isEqualTo("2026-03-13T16:00:00+05:45");
        assertThat(oneDay.breakdown().get("2026-03-14T15:00:00+05:45")).isEqualTo(new BucketCounts(1, 0));
        assertThat(oneDay.breakdown().get("2026-03-14T14:00:00+05:45")).isEqualTo(new BucketCounts(0, 1));
        assertThat(oneDay.breakdown().get("2026-03-14T00:00:00+05:45")).isEqualTo(new BucketCounts(1, 0));
        assertThat(oneDay.breakdown().get("2026-03-13T23:00:00+05:45")).isEqualTo(new BucketCounts(0, 1));
        assertThat(week.breakdown().get("2026-03-14")).isEqualTo(new BucketCounts(2, 1));
        assertThat(week.breakdown().get("2026-03-13")).isEqualTo(new BucketCounts(0, 1));
        assertThat(week.models()).isEqualTo(new KindCounts(4, 0, 2, 2));
    }

    @Test
    void aDayOfADaylightSavingChangeIsOneBucketWhateverItsLength() {
        ProjectId paris = ProjectId.of(4);
        Project utc = store.projects().findById(UTC_PROJECT).orElseThrow();
        store.projects().insert(new Project(paris, utc.organizationId(), "Paris", ZoneId.of("Europe/Paris"), NOW));
        Instant changeDay = Instant.parse("2026-03-28T23:00:00Z");
        Instant nextDay = Instant.parse("2026-03-29T22:00:00Z");
        Clock later = Clock.fixed(Instant.parse("2026-03-30T12:00:00Z"), ZoneOffset.UTC);
        JobStatsService atLater = new JobStatsService(
                new ProjectAccess(store.projects(), store.organizations()), store.jobActivity(), later);
        for (Instant created : List.of(changeDay, nextDay.minusNanos(1000), nextDay)) {
            store(modelAt(paris, created).finish(JobStatus.COMPLETED, created));
        }

        JobStats week = atLater.stats(query(paris, "7"));

        assertThat(week.breakdown().get("2026-03-29")).isEqualTo(new BucketCounts(2, 0));
        assertThat(week.breakdown().get("2026-03-30")).isEqualTo(new BucketCounts(1, 0));
    }

    @Test
    void daysMustBeOneSevenOrThirty() {
        assertThatThrownBy(() -> service.stats(query(UTC_PROJECT, "week")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("Invalid days parameter");
        for (String days : new String[] {"2", "0", "-7", "99999999999999999999"}) {
            assertThatThrownBy(() -> service.stats(query(UTC_PROJECT, days)))
                    .hasMessage("Invalid days parameter. Must be 1, 7, or 30.");
        }
        assertThat(service.stats(query(UTC_PROJECT, "030")).days()).isEqualTo(30);
    }

    private JobStatsQuery query(ProjectId project, String days) {
        return new JobStatsQuery(reader, project, days);
    }

    private Job importJob(ProjectId project, Duration age, boolean billable) {
        Instant created = NOW.minus(age);
        return Job.startImport(JobId.random(), project, stripe.id(), "s", billable, null, created, created);
    }

    private Job model(ProjectId project, Duration age) {
        Instant created = NOW.minus(age);
        return Job.startModel(JobId.random(), project, "m", null, created, created);
    }

    private static Job modelAt(ProjectId project, Instant created) {
        return Job.startModel(JobId.random(), project, "m", null, created, created);
    }

    private Job store(Job job) {
        store.jobs().insert(job);
        return job;
    }
}
