package dev.wharf.adapters.out.jdbi.usage;

import dev.wharf.application.port.out.UsageQueries.PeriodRows;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last rows read for each project and period, with the project's usage version they were read at. An answer is
 * given again only for the same version, which every change of the project's rows moves: so it is never stale, only
 * not read twice. At most {@link #MAX} answers are kept (an answer holds one entry per source).
 */
final class UsageAnswers {
    static final int MAX = 256;

    private final ConcurrentHashMap<Key, Answer> answers = new ConcurrentHashMap<>();

    Optional<PeriodRows> find(long project, BillingPeriod period, long version) {
        Answer answer = answers.get(new Key(project, period.start(), period.end()));
        return answer != null && answer.version() == version ? Optional.of(answer.rows()) : Optional.empty();
    }

    /**
     * Keeps {@code rows}, read after the version was {@code version} (they may be newer than it, never older), unless
     * an answer read at a later version is kept already.
     */
    PeriodRows keep(long project, BillingPeriod period, long version, PeriodRows rows) {
        if (answers.size() >= MAX) {
            answers.clear();
        }
        answers.merge(
                new Key(project, period.start(), period.end()),
                new Answer(version, rows),
                (kept, read) -> read.version() >= kept.version() ? read : kept);
        return rows;
    }

    int size() {
        return answers.size();
    }

    private record Key(long project, Instant start, Instant end) {}

    private record Answer(long version, PeriodRows rows) {}
}
