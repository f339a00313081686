package dev.wharf.adapters.out;

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
 * A random secret kept in a file as hex, readable by its owner only, created on first use. It is written whole to a
 * file of its own and then linked into place, so that another process starting at the same moment reads either no
 * file yet or the whole secret, and the first one written wins. Shared by the H2 engine and the server's key-hashing
 * secret, so it lives outside every adapter group.
 */
public final class SecretFile {
    private SecretFile() {}

    /** The file's text, stripped; when there is no file, one is made first with {@code bytes} random bytes. */
    public static String readOrCreate(Path file, int bytes) throws IOException {
        if (!Files.exists(file)) {
            create(file.toAbsolutePath(), bytes);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static void create(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[bytes];
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
