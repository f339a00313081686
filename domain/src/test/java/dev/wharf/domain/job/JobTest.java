package dev.wharf.domain.job;

import static dev.wharf.domain.job.Jobs.PROJECT;
import static dev.wharf.domain.job.Jobs.SOURCE;
import static dev.wharf.domain.job.Jobs.START;
import static dev.wharf.domain.job.Jobs.runningImport;
import static dev.wharf.domain.job.Jobs.runningModel;
import static dev.wharf.domain.job.Jobs.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JobTest {
    private static final Instant LATER = seconds(300);

    @Test
    void aNewImportRunsWithNoRowsAndItsStartAsHeartbeat() {
        Job job = runningImport();

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.rows()).isZero();
        assertThat(job.sourceId()).isEqualTo(SOURCE);
        assertThat(job.kind()).isEqualTo(JobKind.IMPORT);
        assertThat(job.billable()).isTrue();
        assertThat(job.finishedAt()).isNull();
        assertThat(job.lastHeartbeatAt()).isEqualTo(START);
        assertThat(job.isFinished()).isFalse();
    }

    @Test
    void modelJobsAreNotBillableAndHaveNoSource() {
        Job job = runningModel();

        assertThat(job.kind()).isEqualTo(JobKind.MODEL);
        assertThat(job.billable()).isFalse();
        assertThat(job.sourceId()).isNull();
    }

    @Test
    void aModelJobWithASourceIsRefused() {
        assertThatThrownBy(() -> new Job(
                        JobId.random(),
                        PROJECT,
                        JobKind.MODEL,
                        SOURCE,
                        "daily_revenue",
                        JobStatus.RUNNING,
                        0,
                        false,
                        null,
                        null,
                        START,
                        null,
                        START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("a model job has no source");
    }

    @Test
    void anImportJobNeedsASource() {
        assertThatThrownBy(
                        () -> Job.startImport(JobId.random(), PROJECT, null, "public.orders", true, null, START, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("source_id is required for an import job");
        assertThatThrownBy(() -> new Job(
                        JobId.random(),
                        PROJECT,
                        JobKind.IMPORT,
                        null,
                        "public.orders",
                        JobStatus.RUNNING,
                        0,
                        true,
                        null,
                        null,
                        START,
                        null,
                        START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("source_id is required for an import job");
    }

    @Test
    void jobsNeedANameOfAtMost400Characters() {
        assertThatThrownBy(() -> Job.startImport(JobId.random(), PROJECT, SOURCE, " ", true, null, START, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("schema_name is required");
        assertThatThrownBy(() -> Job.startModel(JobId.random(), PROJECT, null, null, START, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("saved_query_name is required");
        assertThat(Job.startModel(JobId.random(), PROJECT, "v".repeat(400), null, START, START)
                        .name())
                .hasSize(400);
        assertThatThrownBy(() -> Job.startModel(JobId.random(), PROJECT, "v".repeat(401), null, START, START))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aNewJobsNameAndWorkflowRunIdHoldNoControlCharacters() {
        assertThatThrownBy(() -> Job.startImport(JobId.random(), PROJECT, SOURCE, "a\u0000b", true, null, START, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("schema_name must not contain control characters");
        assertThatThrownBy(() -> Job.startModel(JobId.random(), PROJECT, "view\n", null, START, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("saved_query_name must not contain control characters");
        assertThatThrownBy(() -> Job.startModel(JobId.random(), PROJECT, "view", "run\u0085", START, START))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("workflow_run_id must not contain control characters");
    }

    @Test
    void aNulInTheLatestErrorBecomesAReplacementCharacterAndLineBreaksStay() {
        Job job = runningImport().recordError("line 1\n\tline\u00002", seconds(1));

        assertThat(job.latestError()).isEqualTo("line 1\n\tline\uFFFD2");
    }

    @Test
    void workflowRunIdsAreBounded() {
        assertThatThrownBy(() -> Job.startModel(JobId.random(), PROJECT, "v", "w".repeat(401), START, START))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aNegativeRowCountIsRefusedEvenWhenStored() {
        assertThatThrownBy(() -> new Job(
                        JobId.random(),
                        PROJECT,
                        JobKind.MODEL,
                        null,
                        "v",
                        JobStatus.RUNNING,
                        -1,
                        false,
                        null,
                        null,
                        START,
                        null,
                        START))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void finishedAtIsSetExactlyWhenTheStatusIsTerminal() {
        assertThatThrownBy(() -> new Job(
                        JobId.random(),
                        PROJECT,
                        JobKind.MODEL,
                        null,
                        "v",
                        JobStatus.COMPLETED,
                        0,
                        false,
                        null,
                        null,
                        START,
                        null,
                        START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Job(
                        JobId.random(),
                        PROJECT,
                        JobKind.MODEL,
                        null,
                        "v",
                        JobStatus.RUNNING,
                        0,
                        false,
                        null,
                        null,
                        START,
                        LATER,
                        START))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "RUNNING")
    void finishingSetsTheStatusAndFinishedAt(JobStatus terminal) {
        Job running = runningImport().reportRows(1_000, seconds(10));

        Job finished = running.finish(terminal, LATER);

        assertThat(finished.status()).isEqualTo(terminal);
        assertThat(finished.finishedAt()).isEqualTo(LATER);
        assertThat(finished.lastHeartbeatAt()).isEqualTo(LATER);
        assertThat(finished.rows()).isEqualTo(1_000);
        assertThat(finished.isFinished()).isTrue();
    }

    @Test
    void finishingWithRunningIsRefused() {
        Job running = runningImport();

        assertThatThrownBy(() -> running.finish(JobStatus.RUNNING, LATER)).isInstanceOf(RuleViolationException.class);
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.finishedAt()).isNull();
    }

    /** Every way of changing a job. */
    enum Mutation {
        REPORT_ROWS(job -> job.reportRows(job.rows() + 1, LATER)),
        RECORD_ERROR(job -> job.recordError("connection reset", LATER)),
        HEARTBEAT(job -> job.heartbeat(LATER)),
        FINISH_COMPLETED(job -> job.finish(JobStatus.COMPLETED, LATER)),
        FINISH_FAILED(job -> job.finish(JobStatus.FAILED, LATER)),
        FINISH_RUNNING(job -> job.finish(JobStatus.RUNNING, LATER));

        private final Function<Job, Job> apply;

        Mutation(Function<Job, Job> apply) {
            this.apply = apply;
        }

        Job applyTo(Job job) {
            return apply.apply(job);
        }
    }

    static Stream<Arguments> everyTerminalStatusAndMutation() {
        return Arrays.stream(JobStatus.values())
                .filter(JobStatus::isTerminal)
                .flatMap(status -> Arrays.stream(Mutation.values()).map(m -> Arguments.of(status, m)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyTerminalStatusAndMutation")
    void aFinishedJobCannotChange(JobStatus terminal, Mutation mutation) {
        Job finished = runningImport().finish(terminal, seconds(60));

        assertThatThrownBy(() -> mutation.applyTo(finished))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(terminal.wireName());
    }

    @ParameterizedTest
    @EnumSource(
            value = Mutation.class,
            names = {"REPORT_ROWS", "RECORD_ERROR", "HEARTBEAT", "FINISH_COMPLETED", "FINISH_FAILED"})
    void everyReportIsAHeartbeat(Mutation mutation) {
        Job changed = mutation.applyTo(runningImport());

        assertThat(changed.lastHeartbeatAt()).isEqualTo(LATER);
    }

    @Test
    void reportsKeepWhatTheyDoNotChange() {
        Job job = runningImport().reportRows(5, seconds(1)).recordError("slow", seconds(2));

        Job later = job.reportRows(9, seconds(3)).heartbeat(seconds(4));

        assertThat(later.rows()).isEqualTo(9);
        assertThat(later.latestError()).isEqualTo("slow");
        assertThat(later.createdAt()).isEqualTo(job.createdAt());
        assertThat(later.id()).isEqualTo(job.id());
        assertThat(later.workflowRunId()).isEqualTo("run-1");
    }

    @Test
    void overlongErrorsAreCutToTheLimit() {
        Job job = runningImport().recordError("e".repeat(Job.MAX_ERROR_LENGTH + 50), LATER);

        assertThat(job.latestError()).hasSize(Job.MAX_ERROR_LENGTH);
    }

    @Test
    void statusesAndKindsHaveTheirWireNames() {
        assertThat(JobStatus.values())
                .extracting(JobStatus::wireName)
                .containsExactly(
                        "Running", "Completed", "Failed", "Cancelled", "BillingLimitReached", "BillingLimitTooLow");
        for (JobStatus status : JobStatus.values()) {
            assertThat(JobStatus.fromWireName(status.wireName())).isEqualTo(status);
            assertThat(status.isTerminal()).isEqualTo(status != JobStatus.RUNNING);
        }
        assertThat(JobKind.fromWireName("import")).isEqualTo(JobKind.IMPORT);
        assertThat(JobKind.fromWireName("model")).isEqualTo(JobKind.MODEL);
        assertThatThrownBy(() -> JobStatus.fromWireName("running")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> JobKind.fromWireName("IMPORT")).isInstanceOf(RuleViolationException.class);
    }

    @ParameterizedTest
    @EnumSource(JobStatus.class)
    void aBillableImportBillsItsRowsUnlessItFailed(JobStatus status) {
        Job job = runningImport().reportRows(70, LATER);
        Job ended = status == JobStatus.RUNNING ? job : job.finish(status, LATER);

        assertThat(ended.billableRows()).isEqualTo(status == JobStatus.FAILED ? 0 : 70);
        assertThat(ended.materializedRows()).isZero();
    }

    @Test
    void aNonBillableImportBillsNothing() {
        Job job = Job.startImport(JobId.random(), PROJECT, SOURCE, "charges", false, null, START, START)
                .reportRows(70, LATER);

        assertThat(job.billableRows()).isZero();
        assertThat(job.materializedRows()).isZero();
    }

    @ParameterizedTest
    @EnumSource(JobStatus.class)
    void aModelMaterializesItsRowsWhateverItsStatus(JobStatus status) {
        Job job = runningModel().reportRows(12, LATER);
        Job ended = status == JobStatus.RUNNING ? job : job.finish(status, LATER);

        assertThat(ended.materializedRows()).isEqualTo(12);
        assertThat(ended.billableRows()).isZero();
    }
}
