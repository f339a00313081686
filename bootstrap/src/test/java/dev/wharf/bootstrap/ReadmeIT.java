package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "A warehouse, end to end", run as written: every {@code sh} block of that section, in order, by bash against
 * a real {@code java -jar wharf.jar dev}, with psql, psycopg2 and curl. Only the API port and the data directory are
 * changed (the test runs beside other Wharfs); a command that fails, or an answer that is not what README says, fails
 * the test. So the newcomer's first page cannot drift from what Wharf does.
 */
@Timeout(240)
class ReadmeIT {
    private static final String SECTION = "## A warehouse, end to end";

    @TempDir
    Path workDir;

    private WharfProcess wharf;

    @AfterEach
    void stop() {
        if (wharf != null) wharf.close();
    }

    @Test
    void theEndToEndSectionRunsAsWritten() throws Exception {
        requireClients();
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        Path dataDir = workDir.resolve("data");
        int port = WharfProcess.freePortPair();
        wharf = WharfProcess.dev(workDir, dataDir, port, WharfProcess.freePortPair(), Map.of());
        wharf.awaitLine("API key: (phx_[A-Za-z0-9_-]{43,})", java.time.Duration.ofSeconds(90));

        String script = String.join("\n", shellBlocks(readme(), SECTION))
                .replace("http://127.0.0.1:8000", "http://127.0.0.1:" + port)
                .replace(".wharf/", dataDir + "/");
        Result result = bash(script);

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output)
                .as("provision, then psql's CREATE TABLE and version over TLS, psycopg2's server version")
                .contains("\"status\":\"provisioning started\"")
                .contains("CREATE TABLE")
                .containsPattern("PostgreSQL 1\\d\\.\\d+")
                .containsPattern("(?m)^1\\d{5}$");
        assertThat(result.output)
                .as("the JDBC line, from warehouse_status")
                .containsPattern(
                        "jdbc:postgresql://127\\.0\\.0\\.1:\\d+/analytics\\?sslmode=require user=wh_analytics");
        assertThat(result.output)
                .as("the job's rows in total_rows_stats and completed_activity")
                .contains("\"total_rows\":1200")
                .contains("\"status\":\"Completed\"");
    }

    /** The {@code sh} blocks between the heading and the next heading of its level. */
    static List<String> shellBlocks(List<String> lines, String heading) {
        List<String> blocks = new ArrayList<>();
        int start = lines.indexOf(heading);
        assertThat(start).as("README has the section " + heading).isNotNegative();
        StringBuilder block = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (block == null && line.startsWith("## ")) break;
            if (block == null && line.equals("```sh")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        assertThat(blocks).as("sh blocks in " + heading).isNotEmpty();
        return blocks;
    }

    private static List<String> readme() throws IOException {
        Path config = Path.of(System.getProperty("wharf.config.dir"));
        return Files.readAllLines(config.resolveSibling("README.md"), StandardCharsets.UTF_8);
    }

    private record Result(int exit, String output) {}

    /** psql, curl and Debian's python3 with psycopg2: without them this fails under CI and is skipped elsewhere. */
    private void requireClients() throws Exception {
        Result probe = bash("command -v psql curl >/dev/null && python3 -c 'import psycopg2'");
        if (probe.exit == 0) return;
        String message = "ReadmeIT needs psql, curl and python3-psycopg2 (.ci/run installs them): " + probe.output;
        if ("true".equals(System.getenv("CI"))) Assertions.fail(message);
        Assumptions.abort(message);
    }

    private Result bash(String script) throws Exception {
        Path file = workDir.resolve("readme.sh");
        Files.writeString(file, "set -euo pipefail\n" + script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        // Debian's python3 has psycopg2 (python3-psycopg2, which .ci/run installs); another python3 first on PATH may
        // not.
        builder.environment().put("PATH", "/usr/bin:/bin:" + System.getenv("PATH"));
        builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("WHARF_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) process.destroyForcibly();
        return new Result(process.exitValue(), output);
    }
}
