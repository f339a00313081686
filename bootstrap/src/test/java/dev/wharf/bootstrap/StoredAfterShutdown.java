package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.JobReportLoad.Acknowledged;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What the shutdown test reads back from the metadata database once Wharf has stopped. */
final class StoredAfterShutdown {
    private StoredAfterShutdown() {}

    /** Every job of the load as stored: rows, and whether it is Completed (else it must be Running). */
    static Map<String, Acknowledged> jobs(DataSource metadata) throws SQLException {
        Map<String, Acknowledged> jobs = new HashMap<>();
        try (Connection connection = metadata.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, rows_count, status FROM warehouse_job"
                        + " WHERE workflow_run_id LIKE '" + JobReportLoad.RUN_PREFIX + "%'")) {
            while (rows.next()) {
                String status = rows.getString("status");
                assertThat(status).isIn("Running", "Completed");
                jobs.put(
                        rows.getString("id"), new Acknowledged(rows.getLong("rows_count"), status.equals("Completed")));
            }
        }
        return jobs;
    }

    /** The state and lease owner of the warehouses of projects {@code from} to {@code to}, as {@code state:owner}. */
    static List<String> warehouses(DataSource metadata, long from, long to) throws SQLException {
        List<String> states = new ArrayList<>();
        try (Connection connection = metadata.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT state, lease_owner FROM warehouse WHERE project_id"
                        + " BETWEEN " + from + " AND " + to)) {
            while (rows.next()) {
                states.add(rows.getString("state") + ":" + rows.getString("lease_owner"));
            }
        }
        assertThat(states).hasSize((int) (to - from + 1));
        return states;
    }
}
