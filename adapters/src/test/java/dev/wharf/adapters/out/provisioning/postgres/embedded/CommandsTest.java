package dev.wharf.adapters.out.provisioning.postgres.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private static final String MARK = "317.25";

    @Test
    void aCommandPrintsAndEnds() {
        Commands.Result result = Commands.run(List.of("sh", "-c", "echo one; echo two >&2; exit 3"), null, 10);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("one").contains("two");
        assertThat(result.tail()).isEqualTo("one / two");
    }

    @Test
    void aCommandThatTakesTooLongIsStopped() {
        long start = System.nanoTime();

        Commands.Result result = Commands.run(List.of("sleep", "30"), null, 1);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).isEqualTo("sleep timed out after 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void setprivGetsTheSignalOnceAndKeepsItsOwnOptions() {
        requireSetpriv();
        String setpriv = Commands.SETPRIV.toString();

        assertThat(Commands.dyingWithTheCaller(List.of("tar", "-x")))
                .containsExactly(setpriv, "--pdeathsig", "KILL", "tar", "-x");
        assertThat(Commands.dyingWithTheCaller(List.of(setpriv, "--reuid=65534", "initdb")))
                .containsExactly(setpriv, "--pdeathsig", "KILL", "--reuid=65534", "initdb");
        assertThat(Commands.dyingWithTheCaller(List.of(setpriv, "--pdeathsig", "INT", "postgres")))
                .containsExactly(setpriv, "--pdeathsig", "INT", "postgres");
    }

    /** A JVM killed while a command runs (as an unpacking {@code tar} during a first start) takes the command along. */
    @Test
    void aCommandDiesWithTheJvmThatWaitsForIt() throws Exception {
        requireSetpriv();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(
                        java.toString(), "-cp", System.getProperty("java.class.path"), Waiter.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            ProcessHandle sleep = awaitDescendant(jvm, Duration.ofSeconds(30));

            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            assertThat(sleep.onExit()
                            .completeOnTimeout(null, 10, TimeUnit.SECONDS)
                            .get())
                    .as("the command ends when the JVM that started it is killed")
                    .isNotNull();
            assertThat(sleep.isAlive()).isFalse();
        } finally {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("sleep " + MARK))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** util-linux's setpriv, which .ci/run installs: without it these fail under CI and are skipped elsewhere. */
    private static void requireSetpriv() {
        if (Files.isExecutable(Commands.SETPRIV)) return;
        String message = "the parent-death signal needs " + Commands.SETPRIV + " (util-linux; .ci/run installs it)";
        if ("true".equals(System.getenv("CI"))) fail(message);
        abort(message);
    }

    private static ProcessHandle awaitDescendant(Process jvm, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> sleep = jvm.descendants()
                    .filter(p -> p.info().commandLine().orElse("").endsWith("sleep " + MARK))
                    .findFirst();
            if (sleep.isPresent()) {
                return sleep.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the command did not start within " + timeout);
    }

    /** Runs a long command from a daemon thread, as the dev command's unpacking does, and waits to be killed. */
    public static final class Waiter {
        public static void main(String[] args) throws InterruptedException {
            Thread waiting = new Thread(() -> Commands.run(List.of("sleep", MARK), null, 600), "waiting");
            waiting.setDaemon(true);
            waiting.start();
            Thread.sleep(600_000);
        }
    }
}
