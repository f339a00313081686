package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the server runs as. PostgreSQL refuses to run as root: when Wharf is root, the server runs as an unprivileged
 * user ({@code nobody} unless configured) through util-linux's {@code setpriv}, which also asks the kernel to send the
 * server SIGINT (a fast shutdown) when the thread that started it dies, so the server does not outlive a killed Wharf.
 * When Wharf is not root, the server runs as Wharf's own user, with the same parent-death signal where {@code setpriv}
 * exists.
 */
final class ServerUser {
    private static final Path SETPRIV = Commands.SETPRIV;

    private final String name;
    private final int uid;
    private final int gid;
    private final boolean switched;

    private ServerUser(String name, int uid, int gid, boolean switched) {
        this.name = name;
        this.uid = uid;
        this.gid = gid;
        this.switched = switched;
    }

    /** The user the server runs as, given the configured {@code runAs} (null: nobody) when Wharf is root. */
    static ServerUser resolve(String runAs) {
        int self = currentUid();
        if (self != 0) {
            return new ServerUser(System.getProperty("user.name"), self, -1, false);
        }
        String name = runAs == null ? "nobody" : runAs;
        int uid = idOf(name, "-u");
        int gid = idOf(name, "-g");
        if (uid == 0) {
            throw new EmbeddedPostgresException("PostgreSQL refuses to run as root, and the user chosen to run the"
                    + " embedded server, " + name + ", is root: choose an unprivileged one (WHARF_PG_USER)");
        }
        if (!Files.isExecutable(SETPRIV)) {
            throw new EmbeddedPostgresException("Wharf runs as root, and PostgreSQL refuses to: running the embedded"
                    + " server as " + name + " needs " + SETPRIV + " (util-linux), which is missing");
        }
        return new ServerUser(name, uid, gid, true);
    }

    /** Whether Wharf runs as root, so that the server runs as another user. */
    static boolean isRoot() {
        return currentUid() == 0;
    }

    String name() {
        return name;
    }

    /** Whether the server runs as another user than Wharf (Wharf is root). */
    boolean switched() {
        return switched;
    }

    /** {@code command} as this user, with the parent-death signal where {@code setpriv} exists. */
    List<String> command(List<String> command) {
        List<String> full = new ArrayList<>();
        if (switched) {
            full.addAll(List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
        } else if (Files.isExecutable(SETPRIV)) {
            full.add(SETPRIV.toString());
        }
        if (!full.isEmpty()) {
            full.addAll(List.of("--pdeathsig", "INT"));
        }
        full.addAll(command);
        return full;
    }

    /** {@code command} as this user, for {@link Commands#run} (which adds the parent-death signal KILL). */
    List<String> plainCommand(List<String> command) {
        List<String> full = new ArrayList<>();
        if (switched) {
            full.addAll(List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
        }
        full.addAll(command);
        return full;
    }

    /** Makes this user the owner of {@code path} (when the server runs as another user). */
    void own(Path path) throws IOException {
        if (switched) {
            Files.setAttribute(path, "unix:uid", uid);
            Files.setAttribute(path, "unix:gid", gid);
        }
    }

    /** Whether this user may enter {@code directory} (every directory above it lets it through). */
    boolean canEnter(Path directory) {
        if (!switched) {
            return Files.isExecutable(directory);
        }
        return Commands.run(plainCommand(List.of("test", "-x", directory.toString())), null, 10)
                .succeeded();
    }

    private static int currentUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            Commands.Result id = Commands.run(List.of("id", "-u"), null, 10);
            try {
                return Integer.parseInt(id.output().strip());
            } catch (NumberFormatException notANumber) {
                return -1;
            }
        }
    }

    private static int idOf(String name, String option) {
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}")) {
            throw new EmbeddedPostgresException("'" + name + "' is not a user name (WHARF_PG_USER)");
        }
        Commands.Result id = Commands.run(List.of("id", option, name), null, 10);
        try {
            if (id.succeeded()) {
                return Integer.parseInt(id.output().strip());
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new EmbeddedPostgresException("there is no user " + name + " to run the embedded PostgreSQL server as"
                + " (Wharf runs as root, which PostgreSQL refuses): create one, or name another with WHARF_PG_USER");
    }
}
