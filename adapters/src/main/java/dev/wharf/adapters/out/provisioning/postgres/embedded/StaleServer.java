package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A server left running on the cluster by a Wharf that was killed before it could stop it (the caller holds the
 * directory's lock, so no live Wharf owns it). Its {@code postmaster.pid} names it: a live postgres process is asked
 * for a fast shutdown and waited for; a pid that now belongs to another program means the file is stale and goes.
 */
final class StaleServer {
    private static final long WAIT_SECONDS = 30;

    private StaleServer() {}

    static void stop(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || !isPostgres(handle.get())) {
            delete(pidFile);
            return;
        }
        EmbeddedPostgres.signal(pid.get(), "INT");
        if (!waitForExit(handle.get(), WAIT_SECONDS)) {
            EmbeddedPostgres.signal(pid.get(), "QUIT");
            if (!waitForExit(handle.get(), 10)) {
                throw new EmbeddedPostgresException("a PostgreSQL server left running on " + data + " (pid " + pid.get()
                        + ") does not stop: stop it, then start Wharf again");
            }
        }
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                    .findFirst()
                    .orElse("")
                    .strip();
            return first.matches("[0-9]{1,10}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.endsWith("/postgres"))
                .orElse(true);
    }

    private static boolean waitForExit(ProcessHandle process, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline) {
            EmbeddedPostgres.sleep(50);
        }
        return !process.isAlive();
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot remove the stale " + pidFile + ": " + e.getMessage(), e);
        }
    }
}
