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
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

class JobRowsPropertiesTest {

    /**
     * Feeds any sequence of row counts to a running job. Each report either succeeds, leaving exactly that count, or
     * is refused as a rule violation; the job it was made on (immutable) keeps its rows and heartbeat, and later
     * reports are judged against it. Most reports are relative to the count so far (a step up, none, or a step
     * down), some absolute, including the extremes of {@code long}.
     */
    @Property(tries = 2000)
    void rowsNeverGoNegativeNorDownAndARefusedReportChangesNothing(
            @ForAll("reports") List<Tuple2<Boolean, Long>> reports) {
        Job job = Jobs.runningImport();
        long expectedRows = 0;
        Instant expectedHeartbeat = Jobs.START;
        int second = 0;

        for (Tuple2<Boolean, Long> report : reports) {
            long newRows = report.get1() ? report.get2() : saturatedAdd(expectedRows, report.get2());
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

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    /** (absolute?, value): absolute reports give the count itself, relative ones a change to the count so far. */
    @Provide
    Arbitrary<List<Tuple2<Boolean, Long>>> reports() {
        Arbitrary<Tuple2<Boolean, Long>> relative = Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.longs().between(0, 5_000)),
                        Tuple.of(2, Arbitraries.longs().between(-100, -1)))
                .map(delta -> Tuple.of(false, delta));
        Arbitrary<Tuple2<Boolean, Long>> absolute = Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.longs().between(-20, 200)),
                        Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE)))
                .map(value -> Tuple.of(true, value));
        return Arbitraries.frequencyOf(Tuple.of(5, relative), Tuple.of(1, absolute))
                .list()
                .ofMaxSize(30);
    }
}
