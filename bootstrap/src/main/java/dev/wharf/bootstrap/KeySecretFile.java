package dev.wharf.bootstrap;

import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.shared.RuleViolationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A key-hashing secret kept in a file (dev mode's {@code .wharf/key.secret}): 32 random bytes in hex, created on first
 * use, readable by its owner only. A restart reads the same secret, so the keys issued before keep working; losing the
 * file means every key must be issued again.
 */
final class KeySecretFile {
    private static final int BYTES = 32;

    private KeySecretFile() {}

    static KeyHashingSecret loadOrCreate(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            return KeyHashingSecret.decode(Files.readString(path, StandardCharsets.US_ASCII));
        } catch (RuleViolationException e) {
            throw new StartupException("the key-hashing secret file " + path + " (" + AuthConfiguration.KEY_SECRET_FILE
                    + ") cannot be used: " + e.getMessage() + ". Restore it; a new file makes every API key stop"
                    + " working, so delete it only to start over");
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupException("cannot read or create the key-hashing secret file " + path + " ("
                    + AuthConfiguration.KEY_SECRET_FILE + "): " + e.getMessage());
        }
    }

    /**
     * Writes the new secret to a file of its own first and links it into place, so that another process starting at
     * the same moment reads either nothing or the whole secret, and the first one written wins.
     */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly(file));
        try {
            Files.writeString(temporary, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        }
        return new FileAttribute<?>[0];
    }
}
