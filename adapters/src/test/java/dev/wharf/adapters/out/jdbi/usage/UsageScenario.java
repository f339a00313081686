package dev.wharf.adapters.out.jdbi.usage;

import static dev.wharf.application.port.out.PersistenceFixture.at;

import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobKind;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/**
 * Generated usage of three projects (the first two of one organization, the third of another): each project's
 * sources, which of them end deleted, and jobs of every kind, status and billable flag, with rows, a created_at in
 * and around the periods [0, 100), [100, 200) and [200, 300) seconds after {@code T0} (their bounds most of all),
 * accounted in the period they fall in or not, and stored in their final state or stored running and then grown
 * and finished. Rows stay far below {@link Long#MAX_VALUE} summed: see {@link JdbiUsageSumsPropertiesTest}.
 */
record UsageScenario(List<List<Boolean>> sourcesDeleted, List<PlannedJob> jobs) {
    static final int PROJECTS = 3;

    /**
     * A job of project {@code project} (and its {@code source}-th source, modulo how many it has, for an import),
     * with its final kind, status, billable flag and rows; {@code grownFromPercent} of its rows when first stored
     * when it is {@code grown}, else stored as it ends.
     */
    record PlannedJob(
            int project,
            int source,
            JobKind kind,
            JobStatus status,
            boolean billable,
            long rows,
            long createdAfterT0,
            boolean accounted,
            boolean grown,
            int grownFromPercent) {

        /** The job as first stored: as it ends, or running with a part of its rows when it grows later. */
        Job first(JobId id, ProjectId projectId, SourceId sourceId) {
            return grown
                    ? new Job(
                            id,
                            projectId,
                            kind,
                            sourceId,
                            "t",
                            JobStatus.RUNNING,
                            initialRows(),
                            billable,
                            null,
                            null,
                            at(createdAfterT0),
                            null,
                            at(createdAfterT0))
                    : last(id, projectId, sourceId);
        }

        /** The job as it ends. */
        Job last(JobId id, ProjectId projectId, SourceId sourceId) {
            return new Job(
                    id,
                    projectId,
                    kind,
                    sourceId,
                    "t",
                    status,
                    rows,
                    billable,
                    null,
                    null,
                    at(createdAfterT0),
                    status.isTerminal() ? at(createdAfterT0 + 2) : null,
                    at(createdAfterT0 + 2));
        }

        private long initialRows() {
            return rows * grownFromPercent / 100;
        }
    }

    /** (accounted, grown, the percentage of its rows a grown job is first stored with). */
    private static Arbitrary<Tuple3<Boolean, Boolean, Integer>> storage() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 100))
                .as(Tuple::of);
    }

    static Arbitrary<UsageScenario> scenarios() {
        Arbitrary<List<Boolean>> sources = Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
        return Combinators.combine(
                        sources.list().ofSize(PROJECTS), plannedJobs().list().ofMaxSize(24))
                .as(UsageScenario::new);
    }

    private static Arbitrary<PlannedJob> plannedJobs() {
        Arbitrary<Integer> project = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(2, 1), Tuple.of(1, 2));
        Arbitrary<Long> rows = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(8, Arbitraries.longs().between(1, 1_000)),
                Tuple.of(1, Arbitraries.longs().between(1_000_000_000L, 1_000_000_000_000_000L)));
        Arbitrary<Long> createdAt = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0L, 99L, 100L, 101L, 149L, 150L, 199L, 200L, 201L, 249L, 250L, 299L)),
                Tuple.of(3, Arbitraries.longs().between(0, 299)));
        return Combinators.combine(
                        project,
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(JobKind.class),
                        Arbitraries.of(JobStatus.class),
                        Arbitraries.of(true, false),
                        rows,
                        createdAt,
                        storage())
                .as((p, source, kind, status, billable, r, created, storage) -> new PlannedJob(
                        p, source, kind, status, billable, r, created, storage.get1(), storage.get2(), storage.get3()));
    }
}
