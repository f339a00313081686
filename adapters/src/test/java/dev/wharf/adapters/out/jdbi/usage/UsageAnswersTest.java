package dev.wharf.adapters.out.jdbi.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.application.port.out.usage.UsageQueries.PeriodRows;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UsageAnswersTest {
    private static final BillingPeriod PERIOD = new BillingPeriod(
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), BillingInterval.MONTH);
    private static final BillingPeriod NEXT = new BillingPeriod(
            Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), BillingInterval.MONTH);
    private final UsageAnswers answers = new UsageAnswers();

    @Test
    void anAnswerIsGivenOnlyForItsProjectPeriodAndVersion() {
        PeriodRows rows = new PeriodRows(5, 1, Map.of());
        answers.keep(1, PERIOD, 3, rows);

        assertThat(answers.find(1, PERIOD, 3)).containsSame(rows);
        assertThat(answers.find(1, PERIOD, 4)).isEmpty();
        assertThat(answers.find(2, PERIOD, 3)).isEmpty();
        assertThat(answers.find(1, NEXT, 3)).isEmpty();
    }

    @Test
    void aSlowReaderDoesNotReplaceAnAnswerReadAtALaterVersion() {
        PeriodRows later = new PeriodRows(9, 0, Map.of());
        answers.keep(1, PERIOD, 7, later);
        answers.keep(1, PERIOD, 6, new PeriodRows(5, 0, Map.of()));

        assertThat(answers.find(1, PERIOD, 7)).containsSame(later);
        assertThat(answers.find(1, PERIOD, 6)).isEmpty();
    }

    @Test
    void anAnswerIsGivenForAtMostItsMaximumAge() {
        AtomicLong now = new AtomicLong();
        UsageAnswers aging = new UsageAnswers(now::get);
        PeriodRows rows = new PeriodRows(5, 1, Map.of());
        aging.keep(1, PERIOD, 3, rows);

        now.set(UsageAnswers.MAX_AGE.toNanos() - 1);
        assertThat(aging.find(1, PERIOD, 3)).containsSame(rows);
        now.set(UsageAnswers.MAX_AGE.toNanos());
        assertThat(aging.find(1, PERIOD, 3)).isEmpty();
    }

    @Test
    void noMoreThanTheLimitIsKept() {
        for (long project = 0; project < 3L * UsageAnswers.MAX; project++) {
            answers.keep(project, PERIOD, 0, new PeriodRows(project, 0, Map.of()));
            assertThat(answers.size()).isLessThanOrEqualTo(UsageAnswers.MAX);
            assertThat(answers.find(project, PERIOD, 0))
                    .as("the answer just kept")
                    .isPresent();
        }
        assertThat(answers.size()).isEqualTo(UsageAnswers.MAX);
    }
}
