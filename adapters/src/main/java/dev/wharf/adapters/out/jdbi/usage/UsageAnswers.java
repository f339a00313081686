package dev.wharf.adapters.out.jdbi.usage;

import dev.wharf.application.port.out.usage.UsageQueries.PeriodRows;
import dev.wharf.domain.usage.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The last rows read for each project and period, with the project's usage version they were read at. An answer is
 * given again only for the same version, which every change Wharf makes to the project's rows moves: so it is never
 * stale, only not read twice. An answer is also given for at most {@link #MAX_AGE}, so that a change made behind
 * Wharf's back (by hand in SQL, or by an instance older than migration V8 still running) shows within that time. At
 * most {@link #MAX} answers are kept (an answer holds one entry per source); past that, one is dropped per new one.
 */
final class UsageAnswers {
    static final int MAX = 256;
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final ConcurrentHashMap<Key, Answer> answers = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    UsageAnswers() {
        this(System::nanoTime);
    }

    UsageAnswers(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Optional<PeriodRows> find(long project, BillingPeriod period, long version) {
        Answer answer = answers.get(new Key(project, period.start(), period.end()));
        return answer != null
                        && answer.version() == version
                        && nanoTime.getAsLong() - answer.readAt() < MAX_AGE.toNanos()
                ? Optional.of(answer.rows())
                : Optional.empty();
    }

    /**
     * Keeps {@code rows}, read after the version was {@code version} (they may be newer than it, never older), unless
     * an answer read at a later version is kept already.
     */
    PeriodRows keep(long project, BillingPeriod period, long version, PeriodRows rows) {
        Key key = new Key(project, period.start(), period.end());
        if (answers.size() >= MAX && !answers.containsKey(key)) {
            Iterator<Key> any = answers.keySet().iterator();
            if (any.hasNext()) {
                answers.remove(any.next());
            }
        }
        answers.merge(
                key,
                new Answer(version, rows, nanoTime.getAsLong()),
                (kept, read) -> read.version() >= kept.version() ? read : kept);
        return rows;
    }

    int size() {
        return answers.size();
    }

    private record Key(long project, Instant start, Instant end) {}

    private record Answer(long version, PeriodRows rows, long readAt) {}
}
