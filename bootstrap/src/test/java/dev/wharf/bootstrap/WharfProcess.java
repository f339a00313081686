package dev.wharf.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code wharf.jar} as a child process, for black-box tests: its standard output and error are captured line
 * by line. The jar's path comes from the system property {@code wharf.jar} (set by failsafe).
 */
final class WharfProcess implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private WharfProcess(Process process) {
        this.process = process;
        this.stdoutPump = pump(process.getInputStream(), stdout, "wharf-stdout-" + process.pid());
        this.stderrPump = pump(process.getErrorStream(), stderr, "wharf-stderr-" + process.pid());
    }

    /** Starts {@code java -jar wharf.jar <args>} with the given environment added to this JVM's. */
    static WharfProcess start(Path workingDirectory, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        // A JVM started with SIGINT ignored (Maven run in the background by a script) passes that on to its children;
        // coreutils' env resets it, so Ctrl-C behaviour can be tested however the build was started.
        if (Files.isExecutable(Path.of("/usr/bin/env"))) {
            command.add("/usr/bin/env");
            command.add("--default-signal=INT");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("WHARF_"));
        env.putAll(environment);
        try {
            return new WharfProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** {@code java -jar wharf.jar dev} on {@code dataDir}, with the API on {@code port} and the warehouse server on
     * {@code warehousePort}, plus {@code extra} environment. */
    static WharfProcess dev(Path workDir, Path dataDir, int port, int warehousePort, Map<String, String> extra) {
        Map<String, String> env = env(
                "WHARF_DATA_DIR", dataDir.toString(),
                "WHARF_PORT", Integer.toString(port),
                "WHARF_WAREHOUSE_PORT", Integer.toString(warehousePort));
        env.putAll(extra);
        return start(workDir, env, "dev");
    }

    static Path jar() {
        String path = System.getProperty("wharf.jar");
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("system property wharf.jar is not set (run the ITs with mvn verify)");
        }
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the bootstrap module first");
        }
        return jar;
    }

    /** A free port {@code p} on 127.0.0.1 whose neighbour {@code p + 1} is also free (API and admin ports). */
    static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port < 65534 && isFree(port + 1)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no two adjacent free ports found");
    }

    /** A port nothing listens on (bound, then released). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> stdout() {
        return List.copyOf(stdout);
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    /** Both streams, for assertion messages. */
    String transcript() {
        return "--- stdout of pid " + pid() + "\n" + String.join("\n", stdout) + "\n--- stderr\n"
                + String.join("\n", stderr) + "\n---";
    }

    /**
     * Waits for a whole line of standard output matching {@code regex} and returns the match; fails when the process
     * exits first or the timeout passes.
     */
    Matcher awaitLine(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            boolean exited = !process.isAlive();
            List<String> lines = stdout();
            for (; seen < lines.size(); seen++) {
                Matcher matcher = pattern.matcher(lines.get(seen));
                if (matcher.matches()) {
                    return matcher;
                }
            }
            if (exited) {
                joinPumps();
                if (stdout.size() > seen) {
                    continue;
                }
                throw new AssertionError("process exited (" + process.exitValue() + ") without a line matching /"
                        + regex + "/\n" + transcript());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no line matching /" + regex + "/ within " + timeout + "\n" + transcript());
            }
            Pause.millis(POLL.toMillis());
        }
    }

    /** SIGINT, as Ctrl-C in a terminal would send. */
    void sendSigint() {
        signal("INT");
    }

    /**
     * SIGTERM, as {@code kill} or an orchestrator sends it. Not {@link Process#destroy()}: that also closes the pipes
     * from the process, so whatever it logs while it stops would be lost (and its writes would fail).
     */
    void sendSigterm() {
        signal("TERM");
    }

    /** SIGKILL: the process dies at once, without running anything of its own. */
    void sendSigkill() {
        signal("KILL");
    }

    /**
     * The names of signals this process ignores, from {@code /proc/<pid>/status} (Linux); empty when unknown. A JVM
     * started with SIGINT ignored (for instance under a shell's {@code &}) keeps ignoring it.
     */
    Optional<Boolean> ignoresSigint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(
                            line.substring("SigIgn:".length()).strip(), 16);
                    return Optional.of((mask & (1L << (2 - 1))) != 0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return Optional.empty();
    }

    /** Waits for the exit and returns its code; fails (and kills the process) after {@code timeout}. */
    int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                String transcript = transcript();
                close();
                throw new AssertionError("process did not exit within " + timeout + "\n" + transcript);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        joinPumps();
        return process.exitValue();
    }

    /** Stops the process and everything it started: SIGTERM, then SIGKILL after 10 s. Safe to call twice. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        joinPumps();
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void joinPumps() {
        try {
            stdoutPump.join(5_000);
            stderrPump.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pump(InputStream stream, List<String> lines, String name) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        // the process is gone
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** GET {@code http://127.0.0.1:<port><path>}; a connection failure is returned as empty. */
    static Optional<HttpResponse<String>> get(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Polls the admin port's {@code /healthcheck} until it answers 200; fails on exit or after {@code timeout}. */
    HttpResponse<String> awaitHealthy(int adminPort, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<HttpResponse<String>> last = Optional.empty();
        while (System.nanoTime() < deadline && process.isAlive()) {
            last = get(adminPort, "/healthcheck");
            if (last.isPresent() && last.get().statusCode() == 200) {
                return last.get();
            }
            Pause.millis(200);
        }
        throw new AssertionError("/healthcheck on port " + adminPort + " did not answer 200 within " + timeout
                + " (alive: " + process.isAlive() + ", last: "
                + last.map(r -> r.statusCode() + " " + r.body()).orElse("no answer") + ")\n" + transcript());
    }

    /** A key-hashing secret for {@code WHARF_KEY_SECRET}: 32 random bytes in hex, as {@code openssl rand -hex 32}. */
    static String randomKeySecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }
}
