package dev.wharf.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.postgresql.PGConnection;

/**
 * bench/warehouse's client: the PostgreSQL JDBC driver against a warehouse, with the URL, user and password that
 * warehouse_status and reset-password gave. Prints 1,000 sequential SELECT 1 round trips (p50, p99, max, after 200 to
 * warm up) and the time to COPY 100,000 rows in.
 *
 *   java -cp bootstrap/target/wharf.jar:bench/target/wharf-bench.jar dev.wharf.bench.WarehouseClient JDBC_URL USER PASSWORD
 */
public final class WarehouseClient {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            roundTrips(c);
            copy(c);
        }
    }

    private static void roundTrips(Connection c) throws Exception {
        long[] nanos = new long[1_000];
        try (PreparedStatement select = c.prepareStatement("SELECT 1")) {
            for (int i = -200; i < nanos.length; i++) {
                long start = System.nanoTime();
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "SELECT 1 x 1000: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                nanos[500] / 1e6, nanos[990] / 1e6, nanos[999] / 1e6);
    }

    private static void copy(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_copy");
            s.execute("CREATE TABLE bench_copy (id bigint, name text, amount numeric, at timestamptz)");
        }
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 100_000; i++) {
            csv.append(i).append(",row ").append(i).append(',').append(i % 1000).append(".25,2026-12-02 10:00:00+00\n");
        }
        long start = System.nanoTime();
        long copied = c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY bench_copy FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        long took = System.nanoTime() - start;
        System.out.printf(
                "COPY 100,000 rows in: %d rows in %.0f ms (%.0f rows/s)%n", copied, took / 1e6, copied / (took / 1e9));
    }
}
