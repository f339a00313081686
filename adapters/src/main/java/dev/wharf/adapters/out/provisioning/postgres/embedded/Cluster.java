package dev.wharf.adapters.out.provisioning.postgres.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded server's cluster, made by {@code initdb} on the first start: UTF-8, the C locale, data checksums,
 * SCRAM-SHA-256 for every login (no {@code trust}), and the superuser {@value EmbeddedPostgres#ADMIN}. A file
 * {@value #INITIALIZED} next to it says {@code initdb} finished; without it, whatever is in {@code data/} is an
 * interrupted first start (no server ever ran on it) and is made again.
 */
final class Cluster {
    static final String INITIALIZED = "initialized";

    private Cluster() {}

    /** Makes the cluster unless it was made; returns whether it made it. */
    static boolean initIfNeeded(Path bin, Path home, Path data, ServerUser user, String adminPassword) {
        Path marker = home.resolve(INITIALIZED);
        if (Files.exists(marker)) {
            if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
                throw new EmbeddedPostgresException("the embedded PostgreSQL cluster " + data + " is missing or damaged"
                        + " (no PG_VERSION): restore it, or delete " + home + " to start again without its warehouses");
            }
            return false;
        }
        Path passwordFile = home.resolve("initdb.pw");
        try {
            Trees.delete(data);
            Files.createDirectory(data, PrivateFiles.directory());
            user.own(data);
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PrivateFiles.file());
            Files.writeString(passwordFile, adminPassword + "\n", StandardCharsets.US_ASCII);
            user.own(passwordFile);
            Commands.Result made = Commands.run(
                    user.plainCommand(List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            data.toString(),
                            "-U",
                            EmbeddedPostgres.ADMIN,
                            "--auth=scram-sha-256",
                            "--pwfile=" + passwordFile,
                            "--encoding=UTF8",
                            "--locale=C",
                            "--data-checksums",
                            "--no-instructions")),
                    home,
                    300);
            if (!made.succeeded()) {
                throw new EmbeddedPostgresException(
                        "initdb could not make the embedded PostgreSQL cluster in " + data + ": " + made.tail());
            }
            Files.createFile(marker, PrivateFiles.file());
            return true;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot prepare the cluster in " + data + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException ignored) {
                // owner-only, and removed by the next start
            }
        }
    }
}
