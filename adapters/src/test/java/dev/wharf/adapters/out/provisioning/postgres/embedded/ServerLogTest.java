package dev.wharf.adapters.out.provisioning.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.testing.EmbeddedServers;
import dev.wharf.testing.Ports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * postgres.log against a real server: failed logins from one address are one entry and a count, not one each, and the
 * server's own lines are all there; a Wharf killed with SIGKILL leaves a server that stops cleanly without its log.
 */
class ServerLogTest {
    private static final int FAILURES = 500;

    @Test
    void manyFailedLoginsAreOneEntryAndOneSummaryWhileTheServersOwnLinesAreAllWritten() throws Exception {
        Path directory = EmbeddedServers.directory("wharf-pg-log");
        Path log = directory.resolve("postgres/postgres.log");
        EmbeddedPostgres server = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
        server.start();
        List<String> before;
        try {
            before = Files.readAllLines(log);
            for (int i = 0; i < FAILURES; i++) {
                failLogin(server, "intruder");
            }
        } finally {
            server.stop();
        }
        List<String> after = Files.readAllLines(log);
        List<String> added = after.subList(before.size(), after.size());

        assertThat(before).anyMatch(line -> line.contains("database system is ready to accept connections"));
        assertThat(added).anyMatch(line -> line.contains("database system is shut down"));
        assertThat(added.stream().filter(line -> line.contains("intruder")))
                .as("the first failure with its DETAIL, then one summary: %s", added)
                .hasSize(3);
        assertThat(added)
                .anyMatch(line -> line.contains("127.0.0.1 intruder@postgres FATAL:  password authentication failed"
                        + " for user \"intruder\" -- repeated " + (FAILURES - 1) + " more times in the last"));
        assertThat(added).as("every line: %s", added).hasSizeLessThan(30);
        assertThat(PrivateFiles.FILE).isEqualTo(Files.getPosixFilePermissions(log));
    }

    /**
     * The server's standard error is a pipe Wharf reads: killed with SIGKILL, Wharf leaves the server the parent-death
     * signal (a fast shutdown) and a pipe without a reader. The server still stops cleanly (the next start finds a
     * cluster that was shut down, not one to recover), and the next start writes the log again.
     */
    @Test
    void aServerWhoseWharfWasKilledStopsCleanlyAndTheNextStartLogsAgain() throws Exception {
        Path directory = EmbeddedServers.directory("wharf-pg-killed");
        int port = Ports.free();
        Process wharf = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledWharf.class.getName(),
                        directory.toString(),
                        EmbeddedServers.binaries().toString(),
                        Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        long server;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(wharf.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> said = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("server ")) {
                said.add(line);
            }
            assertThat(line).as("the child started its server: %s", said).isNotNull();
            server = Long.parseLong(line.substring("server ".length()));
        } finally {
            wharf.destroyForcibly(); // SIGKILL
        }
        assertThat(wharf.waitFor(10, TimeUnit.SECONDS)).isTrue();
        java.util.Optional<ProcessHandle> left = ProcessHandle.of(server);
        if (left.isPresent()) {
            assertThat(left.get().onExit().get(20, TimeUnit.SECONDS).isAlive())
                    .as("stopped by the parent-death signal")
                    .isFalse();
        }
        Path log = directory.resolve("postgres/postgres.log");
        int before = Files.readAllLines(log).size();

        EmbeddedPostgres next = new EmbeddedPostgres(EmbeddedServers.settings(directory, port));
        next.start();
        try (Connection c = next.adminConnection(5);
                Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } finally {
            next.stop();
        }
        List<String> lines = Files.readAllLines(log);
        List<String> added = lines.subList(before, lines.size());
        assertThat(added).as("%s", added).anyMatch(line -> line.contains("database system was shut down at"));
        assertThat(added).noneMatch(line -> line.contains("not properly shut down"));
        assertThat(added).anyMatch(line -> line.contains("database system is shut down"));
    }

    @Test
    void aCorruptCertificateStopsTheStartWithOneLineFromTheServersLog() {
        Path directory = EmbeddedServers.directory("wharf-pg-badcert");
        EmbeddedPostgres server = new EmbeddedPostgres(EmbeddedServers.settings(directory, Ports.free()));
        server.start();
        server.stop();
        Path certificate = directory.resolve("postgres/server.crt");
        try {
            Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(server::start)
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("server.crt")
                .hasMessageNotContaining("\n");
    }

    private static void failLogin(EmbeddedPostgres server, String user) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "wrong");
        properties.setProperty("connectTimeout", "5");
        try (Connection ignored = new org.postgresql.Driver()
                .connect("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?sslmode=disable", properties)) {
            throw new AssertionError("a login with a wrong password worked");
        } catch (SQLException refused) {
            assertThat(refused.getSQLState()).isEqualTo("28P01");
        }
    }

    /** A Wharf reduced to its embedded server: starts it, prints its pid and waits to be killed. */
    static final class KilledWharf {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres server = new EmbeddedPostgres(new EmbeddedPostgresSettings(
                    Path.of(args[0]).resolve("postgres"),
                    Path.of(args[1]),
                    "127.0.0.1",
                    Integer.parseInt(args[2]),
                    null,
                    List.of("localhost", "127.0.0.1"),
                    100,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60)));
            server.start();
            System.out.println("server " + server.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
