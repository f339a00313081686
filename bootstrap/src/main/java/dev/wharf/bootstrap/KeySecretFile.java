package dev.wharf.bootstrap;

import dev.wharf.adapters.out.SecretFile;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.shared.RuleViolationException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A key-hashing secret kept in a file (dev mode's {@code .wharf/key.secret}): 32 random bytes in hex, created on first
 * use, readable by its owner only ({@link SecretFile}, as the H2 engine keeps its own). A restart reads the same
 * secret, so the keys issued before keep working; losing the file means every key must be issued again.
 */
final class KeySecretFile {
    private static final int BYTES = 32;

    private KeySecretFile() {}

    static KeyHashingSecret loadOrCreate(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            return KeyHashingSecret.decode(SecretFile.readOrCreate(path, BYTES));
        } catch (RuleViolationException e) {
            throw new StartupException("the key-hashing secret file " + path + " (" + AuthConfiguration.KEY_SECRET_FILE
                    + ") cannot be used: " + e.getMessage() + ". Restore it; a new file makes every API key stop"
                    + " working, so delete it only to start over");
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupException("cannot read or create the key-hashing secret file " + path + " ("
                    + AuthConfiguration.KEY_SECRET_FILE + "): " + e.getMessage());
        }
    }
}
