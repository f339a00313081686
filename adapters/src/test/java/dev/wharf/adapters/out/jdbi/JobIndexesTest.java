package dev.wharf.adapters.out.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The columns warehouse_job's indexes hold: none that a job's rows report changes (its rows and its heartbeat), so
 * that PostgreSQL can update a reported job in place, a heap-only tuple update, instead of writing a new entry into
 * every index of the table on every report (migration V11). On H2 and on PostgreSQL.
 */
class JobIndexesTest {
    /** What a rows report writes besides columns it leaves as they are (JobDao.update). */
    private static final Set<String> REPORT_CHANGES = Set.of("rows_count", "last_heartbeat_at");

    abstract static class Contract {
        abstract TestDatabase createDatabase();

        @Test
        void noIndexHoldsAColumnThatARowsReportChanges() throws SQLException {
            try (TestDatabase database = createDatabase()) {
                new FlywayMigrations(database.dataSource()).migrate();
                Map<String, Set<String>> indexes = indexedColumns(database, "warehouse_job");

                assertThat(indexes).containsKeys("warehouse_job_status_idx", "warehouse_job_activity_idx");
                assertThat(indexes).doesNotContainKey("warehouse_job_heartbeat_idx");
                assertThat(indexes.get("warehouse_job_status_idx")).containsExactly("created_at", "status");
                indexes.forEach(
                        (index, columns) -> assertThat(columns).as(index).doesNotContainAnyElementsOf(REPORT_CHANGES));
            }
        }
    }

    /** Each index of {@code table} (names in lower case) with the columns it holds. */
    private static Map<String, Set<String>> indexedColumns(TestDatabase database, String table) throws SQLException {
        Map<String, Set<String>> indexes = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet rows = meta.getIndexInfo(null, connection.getSchema(), name, false, false)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    String column = rows.getString("COLUMN_NAME");
                    if (index != null && column != null) {
                        indexes.computeIfAbsent(index.toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                                .add(column.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return indexes;
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabases.postgres();
        }
    }
}
