package dev.wharf.bootstrap.dev;

import dev.wharf.bootstrap.cli.KeySecretFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Dev mode's data directory as {@code ./wharf dev} finds it, and the operator's commands run without a configuration
 * file: {@code WHARF_DATA_DIR}, default {@code ./.wharf}, made absolute against the working directory. It holds the H2
 * metadata ({@value KeySecretFile#METADATA_FILE}), the dev API key file, the key-hashing secret and the warehouse
 * server ({@code postgres/}). One place, so that the commands open exactly the data dev mode made.
 */
public final class DevDataDirectory {
    public static final String VARIABLE = "WHARF_DATA_DIR";
    static final String DEFAULT = ".wharf";

    /**
     * H2 in PostgreSQL's dialect; {@code WRITE_DELAY=0} writes each commit before it returns (see
     * docs/operations.md, Durability); {@code TRACE_LEVEL_FILE=0}: no trace file, which H2 would make readable by all (the errors it would
     * trace reach Wharf as exceptions, which it reports).
     */
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    private final Path path;

    public DevDataDirectory(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public static DevDataDirectory fromEnvironment() {
        return of(System.getenv());
    }

    /** The directory {@code environment} names, relative to the working directory. */
    public static DevDataDirectory of(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        return new DevDataDirectory(Path.of(value == null || value.isBlank() ? DEFAULT : value));
    }

    public Path path() {
        return path;
    }

    /** The H2 metadata's file. */
    Path metadataFile() {
        return path.resolve(KeySecretFile.METADATA_FILE);
    }

    /** Whether dev mode has made its metadata here: the file is there and not empty (see {@link DevDataModes}). */
    public boolean hasMetadata() {
        return KeySecretFile.holdsData(metadataFile());
    }

    /** The metadata's JDBC URL, for dev mode: H2 creates the database when it is not there. */
    public String metadataUrl() {
        return "jdbc:h2:file:" + path.resolve("wharf") + H2_SETTINGS;
    }

    /** The metadata's JDBC URL for a command: H2 refuses to open a database that does not exist instead of making one. */
    public String existingMetadataUrl() {
        return metadataUrl() + ";IFEXISTS=TRUE";
    }

    public Path apiKeyFile() {
        return path.resolve("dev-api-key");
    }

    public Path keySecretFile() {
        return path.resolve("key.secret");
    }

    /** The warehouse server's directory. */
    public Path postgres() {
        return path.resolve("postgres");
    }
}
