package dev.wharf.adapters.out.provisioning.h2;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.tools.Server;

/**
 * The PostgreSQL-wire and TCP servers in front of the warehouse files. Both refuse to create a database a client
 * names ({@code -ifExists}). H2 2.4 has no per-server bind address: it listens on every interface (or on the JVM-wide
 * {@code -Dh2.bindAddress}) and, unless told to allow others, refuses clients that are not on this machine.
 */
final class H2Servers {
    private final H2EngineSettings settings;
    private Server pg;
    private Server tcp;

    H2Servers(H2EngineSettings settings) {
        this.settings = settings;
    }

    synchronized void start(Path baseDir) {
        if (pg != null) {
            return;
        }
        boolean local = isLoopback(settings.bindHost());
        checkBindAddress(local);
        List<String> common = new ArrayList<>(List.of("-baseDir", baseDir.toString(), "-ifExists"));
        pg = start(
                "PostgreSQL-wire",
                settings.pgPort(),
                () -> Server.createPgServer(
                        args(common, "-pgPort", settings.pgPort(), local ? null : "-pgAllowOthers", "-pgDaemon")));
        try {
            tcp = start(
                    "TCP",
                    settings.tcpPort(),
                    () -> Server.createTcpServer(args(
                            common, "-tcpPort", settings.tcpPort(), local ? null : "-tcpAllowOthers", "-tcpDaemon")));
        } catch (RuntimeException e) {
            pg.stop();
            pg = null;
            throw e;
        }
    }

    synchronized void stop() {
        if (tcp != null) {
            tcp.stop();
            tcp = null;
        }
        if (pg != null) {
            pg.stop();
            pg = null;
        }
    }

    synchronized boolean running() {
        return pg != null && pg.isRunning(false) && tcp != null && tcp.isRunning(false);
    }

    private Server start(String what, int port, ServerFactory factory) {
        try {
            return factory.create().start();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the H2 " + what + " server cannot listen on port " + port + " (is the port already in use?)", e);
        }
    }

    private void checkBindAddress(boolean local) {
        String bound = System.getProperty("h2.bindAddress");
        if (local || bound != null && bound.equals(settings.bindHost()) || isWildcard(settings.bindHost())) {
            return;
        }
        throw new IllegalStateException("H2 can bind its servers only JVM-wide: start the JVM with -Dh2.bindAddress="
                + settings.bindHost() + " or use bindHost 127.0.0.1 or 0.0.0.0");
    }

    private static String[] args(List<String> common, String portOption, int port, String allowOthers, String daemon) {
        List<String> args = new ArrayList<>(common);
        args.add(portOption);
        args.add(Integer.toString(port));
        if (allowOthers != null) {
            args.add(allowOthers);
        }
        args.add(daemon);
        return args.toArray(String[]::new);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the H2 engine's bindHost " + host + " does not resolve", e);
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    @FunctionalInterface
    private interface ServerFactory {
        Server create() throws SQLException;
    }
}
