package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The embedded cluster's superuser password: 32 random bytes in hex, made before the cluster and kept in an
 * owner-only file that only Wharf reads. It is the one password Wharf keeps, because it must log in to its own server
 * after a restart; it never reaches a log, an answer or the metadata database, and it opens no warehouse's data that
 * the server's files would not already give to whoever can read that file.
 */
final class AdminPassword {
    private AdminPassword() {}

    static String readOrCreate(Path file, Path data) {
        if (Files.exists(file)) {
            return read(file);
        }
        if (Files.exists(data.resolveSibling(Cluster.INITIALIZED))) {
            throw new EmbeddedPostgresException("the embedded PostgreSQL server's admin password file " + file
                    + " is missing, and the cluster in " + data + " was made with it: restore the file, or delete "
                    + data.getParent() + " to start again without the warehouses it holds");
        }
        String password = EmbeddedPostgres.randomHex(32);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent(), PrivateFiles.directory());
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PrivateFiles.file());
            Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot write " + file + ": " + e, e);
        }
        return password;
    }

    private static String read(Path file) {
        String password;
        try {
            password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!password.matches("[0-9a-f]{64}")) {
            throw new EmbeddedPostgresException("the embedded PostgreSQL server's admin password file " + file
                    + " does not hold 64 hex digits: restore it");
        }
        return password;
    }
}
