package dev.wharf.bench;

import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.adapters.out.jdbi.activity.JdbiJobActivityQueries;
import dev.wharf.adapters.out.jdbi.usage.JdbiUsageQueries;
import dev.wharf.application.port.out.activity.JobActivityQueries.ActivityFilter;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Times the reads behind total_rows_stats and running_activity as Wharf runs them (its own JDBI adapters), on one
 * open connection, so the figures are the database's time plus JDBC, without HTTP or a pool. Run with the jar on the
 * class path: java -cp bootstrap/target/wharf.jar:bench/target/wharf-bench.jar dev.wharf.bench.QueryTiming JDBC_URL USER PASSWORD PROJECT ANCHOR
 *
 * <p>It also times PostHog's way of reading total_rows_stats on the same data and connection, and prints the ratio
 * (the line starting with PEER).
 */
public class QueryTiming {
    public static void main(String[] args) throws Exception {
        Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
        Jdbi jdbi = WharfJdbi.create(single(connection));
        ProjectId project = ProjectId.of(Long.parseLong(args[3]));
        BillingPeriod period =
                BillingPeriod.current(Instant.parse(args[4]), BillingInterval.MONTH, java.time.Clock.systemUTC());
        JdbiUsageQueries usage = new JdbiUsageQueries(jdbi);
        JdbiJobActivityQueries activity = new JdbiJobActivityQueries(jdbi);
        ActivityFilter running = new ActivityFilter(
                Set.of(JobStatus.RUNNING),
                Set.of(JobStatus.RUNNING),
                Instant.now().minus(Duration.ofDays(30)));
        System.out.printf("%-18s %8s %8s %8s  %s%n", "read", "p50 ms", "p99 ms", "max ms", "result");
        // A new JdbiUsageQueries per read: it keeps no answer from an earlier read, so this is the whole read.
        report("total_rows_stats", () -> {
            var rows = new JdbiUsageQueries(jdbi).rowsInPeriod(project, period);
            return "billable=" + rows.billableRows() + " materialized=" + rows.materializedRows() + " sources="
                    + rows.bySource().size();
        });
        report(
                "total_rows_kept",
                () -> "billable=" + usage.rowsInPeriod(project, period).billableRows());
        report(
                "running_activity",
                () -> "rows=" + activity.activity(project, running, 51, 0).size());
        long wharf = report(
                "wharf_total_rows",
                () -> "billable="
                        + new JdbiUsageQueries(jdbi)
                                .rowsInPeriod(project, period)
                                .billableRows());
        long peer = report("peer_total_rows", () -> peerTotalRows(jdbi, project.value(), period));
        System.out.printf(
                "PEER wharf_p50_ms=%.3f peer_p50_ms=%.3f ratio=%.1f%n", wharf / 1e6, peer / 1e6, (double) peer / wharf);
        connection.close();
    }

    /**
     * PostHog's total_rows_stats reads (reference section 1.3): one aggregate over the period's billable imports, one
     * over its model jobs, then the live sources and one aggregate per source; on the same tables and indexes.
     */
    private static String peerTotalRows(Jdbi jdbi, long project, BillingPeriod period) {
        return jdbi.withHandle(h -> {
            String window = " WHERE project_id = :p AND created_at >= :s AND created_at < :e";
            long billable = h.createQuery("SELECT COALESCE(SUM(rows_count), 0) FROM warehouse_job" + window
                            + " AND kind = 'import' AND billable = TRUE")
                    .bind("p", project)
                    .bind("s", period.start())
                    .bind("e", period.end())
                    .mapTo(Long.class)
                    .one();
            long materialized = h.createQuery(
                            "SELECT COALESCE(SUM(rows_count), 0) FROM warehouse_job" + window + " AND kind = 'model'")
                    .bind("p", project)
                    .bind("s", period.start())
                    .bind("e", period.end())
                    .mapTo(Long.class)
                    .one();
            var sources = h.createQuery(
                            "SELECT id FROM external_data_source WHERE project_id = :p AND deleted_at IS NULL")
                    .bind("p", project)
                    .mapTo(java.util.UUID.class)
                    .list();
            long bySource = 0;
            for (var source : sources) {
                bySource += h.createQuery("SELECT COALESCE(SUM(rows_count), 0) FROM warehouse_job" + window
                                + " AND source_id = :source")
                        .bind("p", project)
                        .bind("s", period.start())
                        .bind("e", period.end())
                        .bind("source", source)
                        .mapTo(Long.class)
                        .one();
            }
            return "billable=" + billable + " materialized=" + materialized + " sources=" + sources.size()
                    + " by_source=" + bySource;
        });
    }

    private static long report(String name, Supplier<String> read) {
        String result = read.get();
        long warm = System.nanoTime();
        for (int i = 0; i < 200 && System.nanoTime() - warm < 5_000_000_000L; i++) {
            result = read.get();
        }
        // as many as fit in about 10 seconds, at least 20 and at most 1,000
        long once = System.nanoTime();
        read.get();
        long each = Math.max(1, System.nanoTime() - once);
        long[] nanos = new long[(int) Math.max(20, Math.min(1_000, 10_000_000_000L / each))];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long p50 = nanos[nanos.length / 2];
        System.out.printf(
                "%-18s %8.3f %8.3f %8.3f  %s%n",
                name, p50 / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, result);
        return p50;
    }

    /** A data source that hands out the one connection and never closes it. */
    private static DataSource single(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(
                QueryTiming.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, margs) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    return method.invoke(connection, margs);
                });
        return (DataSource) Proxy.newProxyInstance(
                QueryTiming.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, margs) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
