package dev.wharf.adapters.out.provisioning.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.warehouse.SchemaName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients no one here wrote, each with its own implementation of the protocol, against a warehouse of the embedded
 * server: psql (libpq) and psycopg2 (libpq through Python's C extension). The JDBC driver is driven through the API's
 * own answers in the contract suite and in {@link WarehouseIsolationTest}. Without psql or psycopg2 (Debian's
 * {@code postgresql-client} and {@code python3-psycopg2}, which {@code .ci/run} installs) the test fails under CI and
 * is skipped, saying why, elsewhere.
 */
class RealClientsTest {
    private static final int COPIED = 10_000;

    private final EmbeddedWarehouses warehouses = EmbeddedWarehouses.shared();

    @Test
    void psqlListsDescribesCopiesAndRoundTripsJsonbTimestamptzAndInterval(@TempDir Path dir) throws Exception {
        String psql = require("psql", List.of("/usr/bin/psql"));
        EmbeddedWarehouses.Ready w = warehouses.ready("psql");
        Path in = dir.resolve("in.csv");
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= COPIED; i++) {
            csv.append(i)
                    .append(",row ")
                    .append(i)
                    .append(",\"{\"\"n\"\": ")
                    .append(i)
                    .append("}\"\n");
        }
        Files.writeString(in, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

        String output = run(
                w,
                List.of(
                        psql,
                        "-X",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-At",
                        "-c",
                        "CREATE TABLE events (id int PRIMARY KEY, name text, payload jsonb, at timestamptz, took interval)",
                        "-c",
                        "\\copy events (id, name, payload) FROM '" + in + "' WITH (FORMAT csv)",
                        "-c",
                        "UPDATE events SET at = '2026-12-02 10:15:30.123456+05:30', took = interval '1 day 02:03:04.5'",
                        "-c",
                        "SELECT count(*), sum((payload->>'n')::int) FROM events",
                        "-c",
                        "SELECT payload->>'n', at AT TIME ZONE 'UTC', took FROM events WHERE id = 42",
                        "-c",
                        "SELECT jsonb_typeof(payload) FROM events WHERE id = 1",
                        "-c",
                        "\\copy (SELECT id, name, payload FROM events ORDER BY id) TO '" + out + "' WITH (FORMAT csv)",
                        "-c",
                        "\\dt",
                        "-c",
                        "\\d events"));

        assertThat(output)
                .contains(COPIED + "|" + ((long) COPIED * (COPIED + 1) / 2))
                .contains("42|2026-12-02 04:45:30.123456|1 day 02:03:04.5")
                .contains("\nobject\n")
                .contains("public|events|table|" + w.user())
                .contains("payload|jsonb")
                .contains("at|timestamp with time zone")
                .contains("took|interval");
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo(csv.toString().replace("\"{\"\"n\"\": ", "\"{\"\"n\"\": "));
    }

    @Test
    void psqlWorksInTheChosenSchemaWithoutNamingIt() throws Exception {
        String psql = require("psql", List.of("/usr/bin/psql"));
        EmbeddedWarehouses.Ready w = warehouses.ready("psqlschema", Optional.of(new SchemaName("sales")));

        String output = run(
                w,
                List.of(
                        psql,
                        "-X",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-At",
                        "-c",
                        "SHOW search_path",
                        "-c",
                        "CREATE TABLE orders (id int)",
                        "-c",
                        "INSERT INTO orders VALUES (1), (2)",
                        "-c",
                        "SELECT count(*) FROM sales.orders",
                        "-c",
                        "\\dt",
                        "-c",
                        "\\dn"));

        assertThat(output)
                .startsWith("sales\n")
                .contains("\n2\n")
                .contains("sales|orders|table|" + w.user())
                .contains("sales|" + w.user());
    }

    @Test
    void psycopg2ExecutesManyAndCopies() throws Exception {
        String python = requirePsycopg2();
        EmbeddedWarehouses.Ready w = warehouses.ready("psycopg");
        String script = String.join(
                "\n",
                "import io, os, psycopg2",
                "c = psycopg2.connect(host='127.0.0.1', port=int(os.environ['PGPORT']), dbname=os.environ['PGDATABASE'],",
                "                     user=os.environ['PGUSER'], password=os.environ['PGPASSWORD'], sslmode='require')",
                "cur = c.cursor()",
                "cur.execute('CREATE TABLE items (id int PRIMARY KEY, name text, doc jsonb)')",
                "cur.executemany('INSERT INTO items VALUES (%s, %s, %s)',",
                "                [(i, 'item %d' % i, '{\"i\": %d}' % i) for i in range(1, 1001)])",
                "buf = io.StringIO(''.join('%d\\tcopied %d\\t{}\\n' % (i, i) for i in range(1001, 11001)))",
                "cur.copy_expert('COPY items FROM STDIN', buf)",
                "c.commit()",
                "cur.execute(\"SELECT count(*), max(id), (SELECT doc->>'i' FROM items WHERE id = 500) FROM items\")",
                "print('result', *cur.fetchone())",
                "cur.execute('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')",
                "print('ssl', cur.fetchone()[0])");
        String output = run(w, List.of(python, "-c", script));
        assertThat(output).contains("result 11000 11000 500").contains("ssl True");
    }

    private String run(EmbeddedWarehouses.Ready w, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGHOST", "127.0.0.1");
        builder.environment().put("PGPORT", Integer.toString(warehouses.server.port()));
        builder.environment().put("PGDATABASE", w.database().value());
        builder.environment().put("PGUSER", w.user());
        builder.environment().put("PGPASSWORD", w.password());
        builder.environment().put("PGSSLMODE", "require");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String require(String program, List<String> candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return missing(program + " is not installed (Debian: postgresql-client)");
    }

    private static String requirePsycopg2() {
        List<String> pythons = new ArrayList<>(List.of("/usr/bin/python3"));
        pythons.add("python3");
        for (String python : pythons) {
            try {
                Process probe = new ProcessBuilder(python, "-c", "import psycopg2")
                        .redirectErrorStream(true)
                        .start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return python;
                }
            } catch (IOException | InterruptedException ignored) {
                // try the next one
            }
        }
        return missing("no python3 with psycopg2 (Debian: python3-psycopg2)");
    }

    private static String missing(String why) {
        String message = "RealClientsTest: " + why + "; .ci/run installs it";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        return null;
    }
}
