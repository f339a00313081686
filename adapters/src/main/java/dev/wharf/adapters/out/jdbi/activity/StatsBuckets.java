package dev.wharf.adapters.out.jdbi.activity;

import dev.wharf.application.port.out.activity.JobStatsCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL that puts a job into its bucket of a stats window: {@code CASE WHEN created_at < :bound0 THEN -1 WHEN
 * created_at < :bound1 THEN 0 … ELSE -1 END}, one comparison per bound. The text depends only on the number of bounds
 * (at most {@code StatsWindow.MAX_BOUNDS}, in practice 8, 25 or 31), never on input; the bounds themselves are bound
 * parameters.
 */
final class StatsBuckets {
    private StatsBuckets() {}

    static String caseExpression(int bounds) {
        StringBuilder sql = new StringBuilder("CASE WHEN created_at < :bound0 THEN ").append(JobStatsCount.NO_BUCKET);
        for (int i = 1; i < bounds; i++) {
            sql.append(" WHEN created_at < :bound").append(i).append(" THEN ").append(i - 1);
        }
        return sql.append(" ELSE ")
                .append(JobStatsCount.NO_BUCKET)
                .append(" END")
                .toString();
    }

    static Map<String, Instant> parameters(List<Instant> bounds) {
        Map<String, Instant> parameters = new LinkedHashMap<>();
        for (int i = 0; i < bounds.size(); i++) {
            parameters.put("bound" + i, bounds.get(i));
        }
        return parameters;
    }
}
