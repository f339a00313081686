package dev.wharf.bootstrap.cli;

import dev.wharf.adapters.out.SecretFile;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.config.AuthConfiguration;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.shared.RuleViolationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A key-hashing secret kept in a file (dev mode's {@code .wharf/key.secret}): 32 random bytes in hex, created with the
 * data it protects, readable by its owner only ({@link SecretFile}). A restart reads the same secret, so the keys
 * issued before keep working. A missing file next to existing metadata ({@value #METADATA_FILE}, whose keys were
 * hashed under the lost secret) stops the start instead of being replaced silently: every key would stop working.
 */
public final class KeySecretFile {
    private static final int BYTES = 32;
    public static final String METADATA_FILE = "wharf.mv.db";

    private KeySecretFile() {}

    /** Whether the metadata file holds data: dev mode makes it empty before H2 fills it (see DevDataModes). */
    public static boolean holdsData(Path metadata) {
        try {
            return Files.isRegularFile(metadata) && Files.size(metadata) > 0;
        } catch (IOException e) {
            return true; // there, but not readable: say what is missing rather than make a new secret
        }
    }

    public static KeyHashingSecret loadOrCreate(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Path metadata = path.resolveSibling(METADATA_FILE);
        if (!Files.exists(path) && holdsData(metadata)) {
            throw new StartupException("the key-hashing secret file " + path + " (" + AuthConfiguration.KEY_SECRET_FILE
                    + ") is missing, but the data whose API keys were hashed under it is there (" + metadata + "):"
                    + " restore the file; to start over instead, delete " + path.getParent());
        }
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
