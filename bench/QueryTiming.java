import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.adapters.out.jdbi.activity.JdbiJobActivityQueries;
import dev.wharf.adapters.out.jdbi.usage.JdbiUsageQueries;
import dev.wharf.application.port.out.JobActivityQueries.ActivityFilter;
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
 * class path: java -cp bootstrap/target/wharf.jar bench/QueryTiming.java JDBC_URL USER PASSWORD PROJECT ANCHOR
 */
public class QueryTiming {
    public static void main(String[] args) throws Exception {
        Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
        Jdbi jdbi = WharfJdbi.create(single(connection));
        ProjectId project = ProjectId.of(Long.parseLong(args[3]));
        BillingPeriod period = BillingPeriod.current(Instant.parse(args[4]), BillingInterval.MONTH, java.time.Clock.systemUTC());
        JdbiUsageQueries usage = new JdbiUsageQueries(jdbi);
        JdbiJobActivityQueries activity = new JdbiJobActivityQueries(jdbi);
        ActivityFilter running = new ActivityFilter(
                Set.of(JobStatus.RUNNING), Set.of(JobStatus.RUNNING), Instant.now().minus(Duration.ofDays(30)));
        System.out.printf("%-18s %8s %8s %8s  %s%n", "read", "p50 ms", "p99 ms", "max ms", "result");
        report("total_rows_stats", () -> {
            var rows = usage.rowsInPeriod(project, period);
            return "billable=" + rows.billableRows() + " materialized=" + rows.materializedRows() + " sources="
                    + rows.bySource().size();
        });
        report("running_activity", () -> "rows=" + activity.activity(project, running, 51, 0).size());
        connection.close();
    }

    private static void report(String name, Supplier<String> read) {
        String result = "";
        for (int i = 0; i < 200; i++) {
            result = read.get();
        }
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-18s %8.3f %8.3f %8.3f  %s%n", name, nanos[500] / 1e6, nanos[989] / 1e6,
                nanos[nanos.length - 1] / 1e6, result);
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
