package dev.wharf.application.port.out.job;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the {@link SourceRepository} and {@link JobRepository} of one store do together. */
public abstract class JobRepositoriesContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final ProjectId OTHER = ProjectId.of(2);
    private Source stripe;

    @BeforeEach
    void givenASource() {
        store.givenProject(1);
        store.givenProject(2);
        stripe = Source.create(SourceId.random(), PROJECT, "Stripe", "billing_", T0);
        store.sources().insert(stripe);
    }

    @Test
    void aSourceIsFoundOnlyInItsOwnProject() {
        assertThat(store.sources().findById(PROJECT, stripe.id())).contains(stripe);
        assertThat(store.sources().findById(OTHER, stripe.id())).isEmpty();
    }

    @Test
    void aDeletedSourceLeavesTheListButCanStillBeFound() {
        Source postgres = Source.create(SourceId.random(), PROJECT, "Postgres", null, at(10));
        store.sources().insert(postgres);
        assertThat(store.sources().listActive(PROJECT, 10, 0)).containsExactly(postgres, stripe);

        store.sources().update(stripe.delete(at(20)));

        assertThat(store.sources().listActive(PROJECT, 10, 0)).containsExactly(postgres);
        assertThat(store.sources().findById(PROJECT, stripe.id()).orElseThrow().deletedAt())
                .isEqualTo(at(20));
    }

    @Test
    void sourcesArePaged() {
        Source postgres = Source.create(SourceId.random(), PROJECT, "Postgres", null, at(10));
        store.sources().insert(postgres);

        assertThat(store.sources().listActive(PROJECT, 1, 0)).containsExactly(postgres);
        assertThat(store.sources().listActive(PROJECT, 1, 1)).containsExactly(stripe);
        assertThat(store.sources().listActive(PROJECT, 1, 2)).isEmpty();
        assertThat(store.sources().listActive(OTHER, 10, 0)).isEmpty();
    }

    @Test
    void anImportJobReadsBackEqualThroughItsLife() {
        Job job = Job.startImport(JobId.random(), PROJECT, stripe.id(), "charges", true, "run-1", T0, at(1));
        store.jobs().insert(job);
        assertThat(store.jobs().findById(PROJECT, job.id())).contains(job);

        Job finished = job.reportRows(1_000_000_000_000L, at(2))
                .recordError("transient", at(3))
                .finish(JobStatus.COMPLETED, at(4));
        store.jobs().update(finished);

        assertThat(store.jobs().findById(PROJECT, job.id())).contains(finished);
        assertThat(store.jobs().findByIdForUpdate(PROJECT, job.id())).contains(finished);
        assertThat(store.jobs().findById(OTHER, job.id())).isEmpty();
    }

    @Test
    void anImportJobCannotUseAnotherProjectsSource() {
        Job foreign = Job.startImport(JobId.random(), OTHER, stripe.id(), "charges", true, null, T0, T0);

        assertThatThrownBy(() -> store.jobs().insert(foreign)).isInstanceOf(RuntimeException.class);
        assertThat(store.jobs().findById(OTHER, foreign.id())).isEmpty();
    }

    @Test
    void aModelJobHasNoSource() {
        Job model = Job.startModel(JobId.random(), PROJECT, "daily_revenue", null, T0, T0);
        store.jobs().insert(model);

        Job read = store.jobs().findById(PROJECT, model.id()).orElseThrow();
        assertThat(read).isEqualTo(model);
        assertThat(read.sourceId()).isNull();
        assertThat(read.billable()).isFalse();
    }

    @Test
    void updatingAnUnknownJobIsNotFound() {
        Job job = Job.startImport(JobId.random(), PROJECT, stripe.id(), "charges", true, null, T0, T0);

        assertThatThrownBy(() -> store.jobs().update(job)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void staleRunningJobsAreListedOldestHeartbeatFirst() {
        Job old = Job.startImport(JobId.random(), PROJECT, stripe.id(), "a", true, null, T0, at(1));
        Job older = Job.startImport(JobId.random(), OTHER, otherSource(), "b", true, null, T0, T0);
        Job fresh = Job.startImport(JobId.random(), PROJECT, stripe.id(), "c", true, null, T0, at(100));
        Job finished = Job.startImport(JobId.random(), PROJECT, stripe.id(), "d", true, null, T0, T0)
                .finish(JobStatus.FAILED, at(2));
        for (Job job : new Job[] {old, older, fresh, finished}) {
            store.jobs().insert(job);
        }

        assertThat(store.jobs().findRunningWithHeartbeatBefore(at(50), 10)).containsExactly(older, old);
        assertThat(store.jobs().findRunningWithHeartbeatBefore(at(50), 1)).containsExactly(older);
        assertThat(store.jobs().findRunningWithHeartbeatBefore(T0, 10)).isEmpty();
    }

    private SourceId otherSource() {
        Source source = Source.create(SourceId.random(), OTHER, "Hubspot", null, T0);
        store.sources().insert(source);
        return source.id();
    }
}
