package dev.wharf.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class JobRowsPropertiesTest {

    /**
     * Feeds any sequence of row counts to a running job. Each report either succeeds, leaving exactly that count, or
     * is refused as a rule violation; the job it was made on (immutable) keeps its rows and heartbeat, and later
     * reports are judged against it.
     */
    @Property(tries = 2000)
    void rowsNeverGoNegativeNorDownAndARefusedReportChangesNothing(@ForAll("reports") List<Long> reports) {
        Job job = Jobs.runningImport();
        long expectedRows = 0;
        Instant expectedHeartbeat = Jobs.START;
        int second = 0;

        for (long newRows : reports) {
            Instant now = Jobs.seconds(++second);
            Job before = job;
            boolean acceptable = newRows >= 0 && newRows >= expectedRows;
            Statistics.label("accepted").collect(acceptable);
            if (acceptable) {
                job = before.reportRows(newRows, now);
                expectedRows = newRows;
                expectedHeartbeat = now;
            } else {
                assertThatThrownBy(() -> before.reportRows(newRows, now)).isInstanceOf(RuleViolationException.class);
            }
            assertThat(before.rows()).isGreaterThanOrEqualTo(0);
            assertThat(job.rows()).isEqualTo(expectedRows).isGreaterThanOrEqualTo(before.rows());
            assertThat(job.lastHeartbeatAt()).isEqualTo(expectedHeartbeat);
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        }
    }

    @Provide
    Arbitrary<List<Long>> reports() {
        Arbitrary<Long> rows = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(-20, 200)),
                Tuple.of(2, Arbitraries.longs().between(0, 10_000_000)),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE)));
        return rows.list().ofMaxSize(30);
    }
}
