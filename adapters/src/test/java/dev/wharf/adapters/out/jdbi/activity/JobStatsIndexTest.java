package dev.wharf.adapters.out.jdbi.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.JdbiFixture;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

/**
 * The finished imports job statistics count can have been created at any time, so only an index on finished_at bounds
 * them to the window. With sequential scans switched off, PostgreSQL's plan shows that the index can serve that
 * branch; which index the planner picks for a table of real size is measured, not unit-tested.
 */
class JobStatsIndexTest {
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");

    @Test
    void theFinishedImportsOfTheWindowAreARangeOfAnIndexOnPostgres() throws Exception {
        String sql = JobActivityDao.class
                .getMethod("statsCounts", long.class, Instant.class, String.class, Map.class)
                .getAnnotation(SqlQuery.class)
                .value();
        List<Instant> bounds = new ArrayList<>();
        for (int i = 30; i >= 0; i--) {
            bounds.add(NOW.truncatedTo(ChronoUnit.DAYS).minus(i, ChronoUnit.DAYS));
        }
        try (JdbiFixture fixture = JdbiFixture.postgres()) {
            List<String> plan = fixture.jdbi().inTransaction(handle -> {
                handle.execute("SET LOCAL enable_seqscan = off");
                return handle.createQuery(
                                "EXPLAIN " + sql.replace("<bucket>", StatsBuckets.caseExpression(bounds.size())))
                        .bind("projectId", 1L)
                        .bind("cutoff", NOW.minus(30, ChronoUnit.DAYS))
                        .bindMap(StatsBuckets.parameters(bounds))
                        .mapTo(String.class)
                        .list();
            });

            assertThat(String.join("\n", plan))
                    .doesNotContain("Seq Scan")
                    .containsPattern("warehouse_job_finished_idx[^\\n]*\\n\\s+Index Cond: \\(\\(project_id = "
                            + "[^)]+\\) AND \\(\\(kind\\)::text = 'import'::text\\) AND \\(finished_at >=");
        }
    }
}
