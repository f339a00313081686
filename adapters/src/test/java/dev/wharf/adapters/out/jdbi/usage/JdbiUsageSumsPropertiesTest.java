package dev.wharf.adapters.out.jdbi.usage;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.JdbiFixture;
import dev.wharf.adapters.out.jdbi.usage.UsageScenario.PlannedJob;
import dev.wharf.application.port.out.usage.AccountedJob;
import dev.wharf.application.port.out.usage.UsageQueries.PeriodRows;
import dev.wharf.domain.job.BillableRows;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.domain.usage.RowCounts;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The SQL that sums a period's rows (the jobs themselves, or the per-period sums kept as they change) agrees with the
 * domain's rule, {@link BillableRows}, on H2 and on PostgreSQL: jobs of every kind, status and billable flag are
 * stored through the real repositories, and {@link JdbiUsageQueries} (as {@code total_rows_stats} reads it) answers
 * what {@link BillableRows#sum} makes of the same jobs, once they are first stored and again once they have grown,
 * finished and some sources are deleted. Each period is asked for as accounted (its sums are read) and one as moved
 * (every job of it is read). Rows stay below {@link Long#MAX_VALUE} summed: a sum that got there cannot give a failed
 * job's rows back exactly, which the contract's own test of saturated sums allows for.
 */
class JdbiUsageSumsPropertiesTest {
    static final int TRIES = 30;
    /** The three periods of 100 seconds jobs are created and accounted in, and one that straddles two of them. */
    private static final List<BillingPeriod> PERIODS =
            List.of(period(0, 100), period(100, 200), period(200, 300), period(150, 250));

    private static final AtomicLong NEXT_PROJECT = new AtomicLong(1);
    private static PooledStore h2;
    private static PooledStore postgres;

    @AfterContainer
    static void close() {
        if (h2 != null) {
            h2.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Property(tries = TRIES)
    void onH2TheSumsAreTheDomainsSums(@ForAll("scenarios") UsageScenario scenario) {
        h2 = h2 != null ? h2 : new PooledStore(JdbiFixture::h2);
        check(h2, scenario);
    }

    @Property(tries = TRIES)
    void onPostgresTheSumsAreTheDomainsSums(@ForAll("scenarios") UsageScenario scenario) {
        postgres = postgres != null ? postgres : new PooledStore(JdbiFixture::postgres);
        check(postgres, scenario);
    }

    @Provide
    Arbitrary<UsageScenario> scenarios() {
        return UsageScenario.scenarios();
    }

    private static void check(PooledStore store, UsageScenario scenario) {
        List<Project> projects = givenProjects(store);
        List<List<Source>> sources = new ArrayList<>();
        for (int p = 0; p < UsageScenario.PROJECTS; p++) {
            List<Source> own = new ArrayList<>();
            for (int s = 0; s < scenario.sourcesDeleted().get(p).size(); s++) {
                Source source = Source.create(SourceId.random(), projects.get(p).id(), "Stripe", null, T0);
                store.sources().insert(source);
                own.add(source);
            }
            sources.add(own);
        }
        List<JobId> ids = scenario.jobs().stream().map(j -> JobId.random()).toList();
        List<Job> first = new ArrayList<>();
        List<Job> last = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            PlannedJob planned = scenario.jobs().get(i);
            ProjectId project = projects.get(planned.project()).id();
            List<Source> own = sources.get(planned.project());
            SourceId source = planned.kind() == JobKind.IMPORT
                    ? own.get(planned.source() % own.size()).id()
                    : null;
            first.add(planned.first(ids.get(i), project, source));
            last.add(planned.last(ids.get(i), project, source));
        }
        store.jobs().insertAll(accounted(first, scenario.jobs()));
        assertSumsAgree(store, projects, first, live(sources, scenario, false));

        for (int i = 0; i < ids.size(); i++) {
            if (scenario.jobs().get(i).grown()) {
                Job job = last.get(i);
                Job grown = first.get(i).reportRows(job.rows(), job.lastHeartbeatAt());
                store.jobs().update(grown);
                if (job.isFinished()) {
                    store.jobs().update(grown.finish(job.status(), job.lastHeartbeatAt()));
                }
            }
        }
        for (int p = 0; p < UsageScenario.PROJECTS; p++) {
            for (int s = 0; s < sources.get(p).size(); s++) {
                if (scenario.sourcesDeleted().get(p).get(s)) {
                    store.sources().update(sources.get(p).get(s).delete(at(300)));
                }
            }
        }
        assertSumsAgree(store, projects, last, live(sources, scenario, true));
    }

    /** Every project's rows in every period, and the organization's billable rows, as the domain sums them. */
    private static void assertSumsAgree(
            PooledStore store, List<Project> projects, List<Job> jobs, List<List<SourceId>> liveSources) {
        for (BillingPeriod period : PERIODS) {
            long organization = 0;
            for (int p = 0; p < projects.size(); p++) {
                ProjectId project = projects.get(p).id();
                List<Job> own =
                        jobs.stream().filter(j -> j.projectId().equals(project)).toList();
                BillableRows.Sums expected = BillableRows.sum(own, period, liveSources.get(p));
                assertThat(store.usage().rowsInPeriod(project, period))
                        .as("project %d in %s", p, period)
                        .isEqualTo(new PeriodRows(expected.billed(), expected.materialized(), expected.bySource()));
                organization = p < 2 ? RowCounts.add(organization, expected.billed()) : organization;
            }
            assertThat(store.usage().billableRowsOfOrganization(projects.get(0).organizationId(), period))
                    .as("the organization in %s", period)
                    .isEqualTo(organization);
        }
    }

    /** Each job accounted in the period of 100 seconds it falls in, or in none, as planned. */
    private static List<AccountedJob> accounted(List<Job> jobs, List<PlannedJob> planned) {
        List<AccountedJob> accounted = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            accounted.add(
                    planned.get(i).accounted()
                            ? AccountedJob.in(
                                    job,
                                    PERIODS.subList(0, 3).stream()
                                            .filter(period -> period.contains(job.createdAt()))
                                            .findFirst()
                                            .orElseThrow())
                            : AccountedJob.unaccounted(job));
        }
        return accounted;
    }

    /** Each project's sources that are not deleted: all of them until the planned ones are. */
    private static List<List<SourceId>> live(List<List<Source>> sources, UsageScenario scenario, boolean deleted) {
        List<List<SourceId>> live = new ArrayList<>();
        for (int p = 0; p < sources.size(); p++) {
            List<SourceId> own = new ArrayList<>();
            for (int s = 0; s < sources.get(p).size(); s++) {
                if (!deleted || !scenario.sourcesDeleted().get(p).get(s)) {
                    own.add(sources.get(p).get(s).id());
                }
            }
            live.add(own);
        }
        return live;
    }

    /** Two new projects of one organization and a third of another. */
    private static List<Project> givenProjects(PooledStore store) {
        Project first = store.givenProject(NEXT_PROJECT.getAndIncrement());
        Project second = new Project(
                ProjectId.of(NEXT_PROJECT.getAndIncrement()), first.organizationId(), "Second", ZoneOffset.UTC, T0);
        store.projects().insert(second);
        return List.of(first, second, store.givenProject(NEXT_PROJECT.getAndIncrement()));
    }

    private static BillingPeriod period(long start, long end) {
        return new BillingPeriod(at(start), at(end), BillingInterval.MONTH);
    }
}
