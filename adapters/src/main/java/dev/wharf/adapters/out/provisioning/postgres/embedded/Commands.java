package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command to its end and keeps what it printed (standard output and error together). A command dies with
 * the thread that waits for it (the parent-death signal, through {@code setpriv} where it exists): a Wharf that exits or
 * is killed during a first start leaves no {@code tar} or {@code initdb} writing on in its directory.
 */
final class Commands {
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private Commands() {}

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** The last lines printed, for a one-line message. */
        String tail() {
            String[] lines = output.strip().split("\n");
            StringBuilder tail = new StringBuilder();
            for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
                tail.append(tail.length() == 0 ? "" : " / ").append(lines[i].strip());
            }
            return tail.toString();
        }
    }

    static Result run(List<String> command, Path workingDirectory, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(dyingWithTheCaller(command)).redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().remove("PGPASSWORD");
        Path output = null;
        try {
            output = Files.createTempFile("wharf-command", ".out");
            builder.redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process process = builder.start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, command.get(0) + " timed out after " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return new Result(-1, "interrupted");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /**
     * {@code command} with the parent-death signal KILL: {@code setpriv --pdeathsig KILL} in front, or the option added
     * to a {@code setpriv} already there (one that changes the user sets the signal after the change, which would
     * otherwise clear it). Unchanged where {@code setpriv} is missing.
     */
    static List<String> dyingWithTheCaller(List<String> command) {
        if (!Files.isExecutable(SETPRIV) || command.contains("--pdeathsig")) {
            return command;
        }
        List<String> full = new ArrayList<>();
        full.add(SETPRIV.toString());
        full.addAll(List.of("--pdeathsig", "KILL"));
        full.addAll(command.get(0).equals(SETPRIV.toString()) ? command.subList(1, command.size()) : command);
        return full;
    }
}
