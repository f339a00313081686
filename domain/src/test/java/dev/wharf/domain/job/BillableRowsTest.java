package dev.wharf.domain.job;

import static dev.wharf.domain.job.Jobs.PROJECT;
import static dev.wharf.domain.job.Jobs.SOURCE;
import static dev.wharf.domain.job.Jobs.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BillableRowsTest {
    private static final SourceId OTHER = new SourceId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final SourceId DELETED = new SourceId(UUID.fromString("00000000-0000-0000-0000-000000000003"));
    private static final BillingPeriod PERIOD = new BillingPeriod(seconds(100), seconds(200), BillingInterval.MONTH);

    @Test
    void onlyBillableImportsThatDidNotFailBillAndEveryModelMaterializes() {
        for (JobStatus status : JobStatus.values()) {
            assertThat(BillableRows.bills(JobKind.IMPORT, status, true)).isEqualTo(status != JobStatus.FAILED);
            assertThat(BillableRows.bills(JobKind.IMPORT, status, false)).isFalse();
            assertThat(BillableRows.bills(JobKind.MODEL, status, true)).isFalse();
        }
        assertThat(BillableRows.materializes(JobKind.MODEL)).isTrue();
        assertThat(BillableRows.materializes(JobKind.IMPORT)).isFalse();
    }

    @Test
    void pendingRowsAreTheBilledRowsBillingHasNotTracked() {
        assertThat(BillableRows.pending(70, 50)).isEqualTo(20);
        assertThat(BillableRows.pending(50, 70)).isZero();
    }

    @Test
    void aPeriodsSumsCountItsJobsAndTheBreakdownHasExactlyTheLiveSources() {
        List<Job> jobs = List.of(
                job(JobKind.IMPORT, SOURCE, JobStatus.COMPLETED, true, 10, 100),
                job(JobKind.IMPORT, SOURCE, JobStatus.FAILED, true, 1_000, 150),
                job(JobKind.IMPORT, DELETED, JobStatus.RUNNING, true, 20, 199),
                job(JobKind.IMPORT, SOURCE, JobStatus.CANCELLED, false, 2_000, 150),
                job(JobKind.IMPORT, SOURCE, JobStatus.COMPLETED, true, 4_000, 200),
                job(JobKind.MODEL, null, JobStatus.FAILED, true, 5, 150),
                job(JobKind.MODEL, null, JobStatus.COMPLETED, false, 8_000, 99));

        BillableRows.Sums sums = BillableRows.sum(jobs, PERIOD, List.of(SOURCE, OTHER));

        assertThat(sums).isEqualTo(new BillableRows.Sums(30, 5, Map.of(SOURCE, 10L, OTHER, 0L)));
    }

    @Test
    void sumsStayAtTheLargestCount() {
        List<Job> jobs = List.of(
                job(JobKind.IMPORT, SOURCE, JobStatus.COMPLETED, true, Long.MAX_VALUE, 150),
                job(JobKind.IMPORT, SOURCE, JobStatus.COMPLETED, true, 1, 150));

        assertThat(BillableRows.sum(jobs, PERIOD, List.of(SOURCE)))
                .isEqualTo(new BillableRows.Sums(Long.MAX_VALUE, 0, Map.of(SOURCE, Long.MAX_VALUE)));
    }

    private static Job job(JobKind kind, SourceId source, JobStatus status, boolean billable, long rows, long at) {
        return new Job(
                JobId.random(),
                PROJECT,
                kind,
                source,
                "t",
                status,
                rows,
                billable,
                null,
                null,
                seconds(at),
                status.isTerminal() ? seconds(at + 1) : null,
                seconds(at + 1));
    }
}
