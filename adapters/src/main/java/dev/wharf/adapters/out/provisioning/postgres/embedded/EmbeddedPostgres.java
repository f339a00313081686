package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wharf's own PostgreSQL server for the warehouses, in a process of its own, started and stopped with Wharf.
 *
 * <p>Under its directory: {@code binaries-…/} (unpacked once, see {@link PostgresBinaries}), {@code data/} (the
 * cluster, made by {@code initdb} on the first start with SCRAM-SHA-256 for every login and no {@code trust} rule),
 * {@code run/} (its Unix socket), {@code pg_hba.conf} (written at every start), {@code server.crt} and
 * {@code server.key} (TLS, see {@link ServerCertificate}), {@code admin.password} (the password of the cluster's
 * superuser {@value #ADMIN}, mode 600, read by Wharf only), {@code postgres.log} (the server's own log, written by
 * Wharf from the server's standard error: bounded and with repeats summed up, see {@link ServerLogFilter}) and
 * {@code lock} (held while a Wharf runs the server). Each is its owner's only, but the binaries (see {@link
 * PrivateFiles}).
 *
 * <p>The server never outlives Wharf: a stop asks for a fast shutdown (SIGINT) and waits; if Wharf dies, the kernel
 * sends the server SIGINT (see {@link ServerUser}); and a start that finds a server left running from a Wharf that
 * was killed (its {@code postmaster.pid}, with no Wharf holding the lock) stops it first. A second Wharf on the same
 * directory finds the lock taken and stops with a message.
 */
public final class EmbeddedPostgres {
    /** The cluster's superuser, which Wharf's PostgreSQL engine administers warehouses as. */
    public static final String ADMIN = "wharf_admin";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final java.time.Duration LOG_WAIT = java.time.Duration.ofSeconds(5);

    private final EmbeddedPostgresSettings settings;
    private final Path home;
    private final Path data;
    private final Path run;
    private volatile Process process;
    private ServerLogPump logPump;
    private CompletableFuture<Void> background;
    private FileChannel lockChannel;
    private FileLock lock;
    private ServerUser user;
    private final Object passwordLock = new Object();
    private String adminPassword;

    public EmbeddedPostgres(EmbeddedPostgresSettings settings) {
        this.settings = settings;
        this.home = settings.directory();
        this.data = home.resolve("data");
        this.run = home.resolve("run");
    }

    /**
     * Starts the server on a thread of its own and returns at once: the caller goes on with its own start and then
     * waits in {@link #start()}, which rethrows what went wrong. A first start (unpacking, initdb) thus overlaps the
     * rest of Wharf's.
     */
    public synchronized void startInBackground() {
        if (background == null) {
            CompletableFuture<Void> starting = new CompletableFuture<>();
            background = starting;
            Thread starter = new Thread(
                    () -> {
                        try {
                            startNow();
                            starting.complete(null);
                        } catch (RuntimeException e) {
                            starting.completeExceptionally(e);
                        }
                    },
                    "embedded-postgres-start");
            starter.setDaemon(true);
            starter.start();
        }
    }

    /** Starts the server (making the cluster on the first start) and returns once it accepts connections. */
    public void start() {
        CompletableFuture<Void> starting;
        synchronized (this) {
            starting = background;
        }
        if (starting != null) {
            try {
                starting.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
            if (isRunning()) {
                return;
            }
        }
        startNow();
    }

    private synchronized void startNow() {
        if (process != null && process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        user = ServerUser.resolve(settings.runAs());
        prepareHome();
        takeLock();
        try {
            CompletableFuture<Void> tls = CompletableFuture.runAsync(() -> ServerCertificate.ensure(
                    certificate(), home.resolve("server.key"), settings.certificateHosts(), user));
            Path bin = PostgresBinaries.locate(settings.binDir(), home);
            if (user.switched() && !user.canEnter(bin)) {
                throw unreachable(bin);
            }
            long located = System.nanoTime();
            StaleServer.stop(data);
            String password = adminPassword();
            boolean made = Cluster.initIfNeeded(bin, home, data, user, password);
            long initialized = System.nanoTime();
            awaitCertificate(tls);
            ServerConfig.writeHba(home.resolve("pg_hba.conf"), settings.bindHost(), user);
            prepareRunDirectory();
            ServerLogFile log = openLog();
            long prepared = System.nanoTime();
            process = spawn(user.command(command(bin)), log);
            awaitReady();
            LOG.info(
                    "PostgreSQL server ready on {}:{} as {} in {} ms (binaries {} ms, {} {} ms, then TLS and files"
                            + " {} ms, start {} ms)",
                    settings.bindHost(),
                    settings.port(),
                    user.name(),
                    millis(System.nanoTime() - started),
                    millis(located - started),
                    made ? "initdb" : "cluster check",
                    millis(initialized - located),
                    millis(prepared - initialized),
                    millis(System.nanoTime() - prepared));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
    }

    /**
     * The {@code bin} directory of the PostgreSQL programs inside Wharf, unpacked under {@code home} if they are not
     * yet: for servers that share one unpacked copy through {@link EmbeddedPostgresSettings#binDir()}.
     */
    public static Path binaries(Path home) {
        return PostgresBinaries.locate(null, home);
    }

    private static void awaitCertificate(CompletableFuture<Void> tls) {
        try {
            tls.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops the server with a fast shutdown (open sessions are ended) and releases the directory. */
    public synchronized void stop() {
        Process running = process;
        if (running != null && running.isAlive()) {
            signal(running.pid(), "INT");
            if (!waitFor(running, STOP_WAIT_SECONDS)) {
                signal(running.pid(), "QUIT");
                if (!waitFor(running, 10)) {
                    running.destroyForcibly();
                }
            }
        }
        if (logPump != null) {
            logPump.awaitEnd(LOG_WAIT); // its last lines (the shutdown's, the summaries) are written
        }
        process = null;
        logPump = null;
        background = null;
        releaseLock();
    }

    /**
     * Lets go of the server without stopping it, as a Wharf killed by SIGKILL on a system without the parent-death
     * signal would: for tests of what the next start does with a server left running.
     */
    synchronized void abandon() {
        process = null;
        logPump = null;
        background = null;
        releaseLock();
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /**
     * The admin connection's URL: over the loopback without TLS (nothing to protect it from there, and a JVM's first
     * TLS handshake costs a good part of a second); to a server bound to one other address, over TLS.
     */
    public String adminJdbcUrl() {
        String host = adminHost();
        String ssl = host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost") ? "disable" : "require";
        return "jdbc:postgresql://" + urlHost(host) + ":" + settings.port() + "/postgres?sslmode=" + ssl;
    }

    /** The password of {@value #ADMIN}, from the owner-only file the first start wrote; never logged. */
    public String adminPassword() {
        synchronized (passwordLock) {
            if (adminPassword == null) {
                adminPassword = AdminPassword.readOrCreate(home.resolve("admin.password"), data);
            }
            return adminPassword;
        }
    }

    /**
     * Whether the server runs as another user than Wharf's (Wharf runs as root, which PostgreSQL refuses): the
     * directories above the server's must then let that user through.
     */
    public static boolean runsAsAnotherUser() {
        return ServerUser.isRoot();
    }

    /** The server's TLS certificate, for clients that verify it ({@code sslrootcert}). */
    public Path certificate() {
        return home.resolve("server.crt");
    }

    public int port() {
        return settings.port();
    }

    /** The server process' id while it runs. */
    public long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    private String adminHost() {
        String bind = settings.bindHost();
        return bind.equals("0.0.0.0") || bind.equals("*") || bind.isBlank()
                ? "127.0.0.1"
                : bind.equals("::") ? "::1" : bind;
    }

    private static String urlHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private List<String> command(Path bin) {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve("postgres").toString());
        command.add("-D");
        command.add(data.toString());
        for (String setting : ServerConfig.settings(settings, home, run)) {
            command.add("-c");
            command.add(setting);
        }
        return command;
    }

    private void prepareHome() {
        try {
            Files.createDirectories(home);
            // The server's user must pass through to its own files; nobody else may list what is here.
            Files.setPosixFilePermissions(home, user.switched() ? PrivateFiles.TRAVERSABLE : PrivateFiles.DIRECTORY);
            PrivateFiles.tighten(home);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot create " + home + ": " + e.getMessage(), e);
        }
        if (user.switched() && !user.canEnter(home)) {
            letThrough();
            if (!user.canEnter(home)) {
                throw unreachable(home);
            }
        }
    }

    /**
     * Lets the server's user pass through the directories above its home that Wharf's own user owns and that keep
     * others out (a {@code mktemp -d} directory, a home directory of mode 700): traversal only ({@code o+x}), never
     * listing or reading, and each change logged. Directories of other owners are left as they are.
     */
    private void letThrough() {
        for (Path directory = home.getParent(); directory != null; directory = directory.getParent()) {
            try {
                java.util.Set<java.nio.file.attribute.PosixFilePermission> modes =
                        Files.getPosixFilePermissions(directory);
                boolean mine = Files.getOwner(directory).getName().equals(System.getProperty("user.name"));
                if (mine && !modes.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    modes.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(directory, modes);
                    LOG.warn(
                            "let {} pass through {} (o+x, traversal only) so the warehouse server reaches its files",
                            user.name(),
                            directory);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return; // the check after this says which directory is in the way
            }
        }
    }

    private EmbeddedPostgresException unreachable(Path directory) {
        return new EmbeddedPostgresException("PostgreSQL refuses to run as root, so Wharf runs it as " + user.name()
                + ", who cannot reach " + directory + ": let others through every directory above it (chmod o+x),"
                + " or choose another WHARF_DATA_DIR, or another user with WHARF_PG_USER");
    }

    private void takeLock() {
        try {
            lockChannel = FileChannel.open(
                    home.resolve("lock"),
                    java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.file());
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this JVM: another Wharf application in the same process
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot lock " + home.resolve("lock") + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            releaseLock();
            throw new EmbeddedPostgresException("the embedded PostgreSQL server in " + home + " is in use by another"
                    + " Wharf: stop it, or give this one another WHARF_DATA_DIR");
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        }
        lock = null;
        lockChannel = null;
    }

    private void prepareRunDirectory() {
        Path socket = run.resolve(".s.PGSQL." + settings.port());
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 107) {
            throw new EmbeddedPostgresException("the embedded server's socket path " + socket + " is longer than the"
                    + " 107 bytes Unix sockets allow: choose a shorter WHARF_DATA_DIR");
        }
        try {
            Files.createDirectories(run, PrivateFiles.directory());
            Files.setPosixFilePermissions(run, PrivateFiles.DIRECTORY);
            user.own(run);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot prepare " + run + ": " + e.getMessage(), e);
        }
    }

    /** The server's log, moved aside first when it is over its cap (see {@link ServerLogFile}). */
    private ServerLogFile openLog() {
        Path log = home.resolve("postgres.log");
        try {
            return ServerLogFile.open(log);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot prepare the server's log " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code command} from a thread of its own that waits for it as long as it runs: the parent-death signal
     * belongs to the thread that started the process, so that thread must live exactly as long as the server.
     */
    private Process spawn(List<String> command, ServerLogFile log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PGPASSWORD");
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread keeper = new Thread(
                () -> {
                    Process p;
                    try {
                        p = builder.start();
                    } catch (IOException e) {
                        started.completeExceptionally(e);
                        return;
                    }
                    started.complete(p);
                    boolean interrupted = false;
                    while (p.isAlive()) {
                        try {
                            p.waitFor();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                },
                "embedded-postgres");
        keeper.setDaemon(true);
        keeper.start();
        try {
            Process spawned = started.get(30, TimeUnit.SECONDS);
            logPump = ServerLogPump.start(spawned.getInputStream(), log);
            return spawned;
        } catch (ExecutionException e) {
            closeQuietly(log);
            throw new EmbeddedPostgresException(
                    "cannot start " + command.get(0) + ": " + e.getCause().getMessage(), e);
        } catch (Exception e) {
            closeQuietly(log);
            throw new EmbeddedPostgresException("cannot start " + command.get(0) + ": " + e, e);
        }
    }

    private static void closeQuietly(ServerLogFile log) {
        try {
            log.close();
        } catch (IOException ignored) {
            // nothing was written to it
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            Process running = process;
            if (!running.isAlive()) {
                logPump.awaitEnd(LOG_WAIT); // what it said before it stopped is in the file
                String log = ServerLog.lastLines(home.resolve("postgres.log"));
                if (log.contains("Address already in use") || log.contains("could not create any TCP/IP sockets")) {
                    throw new EmbeddedPostgresException("port " + settings.port() + " on " + settings.bindHost()
                            + " is already in use, so the warehouse server cannot listen there: stop what holds it,"
                            + " or choose another port with WHARF_WAREHOUSE_PORT");
                }
                throw new EmbeddedPostgresException(
                        "the embedded PostgreSQL server stopped at start (exit " + running.exitValue() + "): " + log);
            }
            try (Connection c = adminConnection(2);
                    Statement statement = c.createStatement()) {
                statement.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(25);
        }
        throw new EmbeddedPostgresException("the embedded PostgreSQL server did not accept connections within "
                + settings.startTimeout().toSeconds() + " s (" + (last == null ? "" : last.getMessage()) + "); see "
                + home.resolve("postgres.log"));
    }

    /** A connection as {@value #ADMIN}, for Wharf and for tests. */
    public Connection adminConnection(int connectTimeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", ADMIN);
        properties.setProperty("password", adminPassword());
        properties.setProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
        // Something else listening on the port (not the server) would otherwise hold a login forever.
        properties.setProperty("socketTimeout", Integer.toString(connectTimeoutSeconds + 3));
        properties.setProperty("ApplicationName", "wharf-embedded-postgres");
        Connection c = new org.postgresql.Driver().connect(adminJdbcUrl(), properties);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + adminJdbcUrl());
        }
        return c;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    static void signal(long pid, String signal) {
        Commands.run(List.of("kill", "-" + signal, Long.toString(pid)), null, 10);
    }

    private static boolean waitFor(Process process, long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while waiting for the embedded PostgreSQL server", e);
        }
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
