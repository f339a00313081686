package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The embedded server's settings (given on its command line, so they hold whatever {@code postgresql.conf} says) and
 * its {@code pg_hba.conf} (written at every start): every login proves its password with SCRAM-SHA-256; over the
 * loopback with or without TLS, from anywhere else (when the server listens beyond the loopback) only over TLS.
 */
final class ServerConfig {
    private ServerConfig() {}

    static List<String> settings(EmbeddedPostgresSettings settings, Path home, Path run) {
        return List.of(
                "listen_addresses=" + settings.bindHost(),
                "port=" + settings.port(),
                "unix_socket_directories=" + run,
                "unix_socket_permissions=0700",
                "hba_file=" + home.resolve("pg_hba.conf"),
                "ssl=on",
                "ssl_cert_file=" + home.resolve("server.crt"),
                "ssl_key_file=" + home.resolve("server.key"),
                "ssl_min_protocol_version=TLSv1.2",
                "password_encryption=scram-sha-256",
                "max_connections=" + settings.maxConnections(),
                "superuser_reserved_connections=3",
                "authentication_timeout=" + settings.authenticationTimeout().toSeconds() + "s",
                "shared_buffers=64MB",
                "logging_collector=off",
                "log_destination=stderr",
                // The client's address first: ServerLogFilter sums up repeated entries per address and kind.
                "log_line_prefix=%m [%p] %q%h %u@%d ",
                "log_timezone=UTC");
    }

    /** Writes the file, owner-only and the server's user's: only the server reads it. */
    static void writeHba(Path file, String bindHost, ServerUser user) {
        StringBuilder hba = new StringBuilder()
                .append("# Written by Wharf at every start of its embedded server: edits are overwritten.\n")
                .append("local   all all              scram-sha-256\n")
                .append("host    all all 127.0.0.1/32 scram-sha-256\n")
                .append("host    all all ::1/128      scram-sha-256\n");
        if (!isLoopback(bindHost)) {
            hba.append("hostssl all all 0.0.0.0/0    scram-sha-256\n")
                    .append("hostssl all all ::/0         scram-sha-256\n");
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PrivateFiles.file());
            Files.writeString(temporary, hba, StandardCharsets.US_ASCII);
            PrivateFiles.forServer(temporary, user);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
    }
}
