package dev.wharf.bootstrap.dev;

import dev.wharf.application.port.in.dev.DevEnvironment;
import dev.wharf.application.port.in.dev.DevEnvironmentSetup;
import dev.wharf.application.port.in.dev.SetUpDevEnvironmentCommand;
import dev.wharf.application.service.provisioning.RetiredEngineService;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.cli.KeySecretFile;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.shared.ConflictException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Dev mode's API key: the operator's ({@code WHARF_DEV_API_KEY}), else the one kept in the key file from the last
 * start, else a new one. The database keeps only its keyed digest (under {@code key.secret}, see {@link
 * KeySecretFile}); the plaintext lives in the key file (readable by its owner only) and on one line of standard output,
 * never in a log.
 */
public final class DevMode {
    private final DevModeSettings settings;

    public DevMode(DevModeSettings settings) {
        this.settings = settings;
    }

    public ApiKeySecret resolveKey() {
        String chosen = settings.getApiKey();
        if (chosen != null && !chosen.isBlank()) {
            if (!ApiKeySecret.looksValid(chosen.strip())) {
                throw new StartupException("WHARF_DEV_API_KEY must be phx_ followed by at least "
                        + ApiKeySecret.MIN_RANDOM_LENGTH + " letters, digits, '-' or '_'");
            }
            return ApiKeySecret.parse(chosen.strip());
        }
        Path file = keyFile();
        if (Files.exists(file)) {
            String kept = read(file);
            if (!ApiKeySecret.looksValid(kept)) {
                throw new StartupException(
                        "the dev API key file " + file + " does not hold a valid key: delete it to get a new one");
            }
            return ApiKeySecret.parse(kept);
        }
        return ApiKeySecret.generate(new SecureRandom());
    }

    public DevEnvironment setUp(DevEnvironmentSetup useCase, ApiKeySecret key) {
        DevEnvironment environment;
        try {
            environment = useCase.setUp(new SetUpDevEnvironmentCommand(key));
        } catch (ConflictException e) {
            throw new StartupException(e.getMessage() + " (" + keyFile() + ")");
        }
        keep(key);
        return environment;
    }

    /**
     * A data directory from before the embedded PostgreSQL server holds the H2 engine's warehouse files: their
     * warehouses are marked failed with a message saying they must be provisioned again, and the files (with the H2
     * engine's secret, which opens them) move to {@code warehouses.h2-retired}, kept for whoever wants their data.
     * Marking comes first, so a crash in between is finished by the next start.
     */
    public void retireH2Warehouses(RetiredEngineService retired) {
        Path dataDir = Path.of(settings.getDataDir()).toAbsolutePath().normalize();
        Path h2 = dataDir.resolve("warehouses");
        if (!Files.isDirectory(h2)) {
            return;
        }
        int count = retired.retireAll(RetiredEngineService.H2_RETIRED);
        Path kept = dataDir.resolve("warehouses.h2-retired");
        try {
            Files.move(h2, kept);
            Path secret = dataDir.resolve("engine.secret");
            if (Files.exists(secret)) {
                Files.move(secret, kept.resolve("engine.secret"));
            }
        } catch (IOException e) {
            throw new StartupException(
                    "cannot move the H2 engine's warehouses " + h2 + " to " + kept + ": " + e.getMessage());
        }
        System.out.println("wharf: the H2 engine is gone; " + count + " of its warehouses are now failed and must be"
                + " provisioned again (their files are in " + kept + ")");
    }

    public static void announce(PrintStream out, ApiKeySecret key, int apiPort, int adminPort, Path keyFile) {
        out.println();
        out.println("Wharf is running in dev mode on http://127.0.0.1:" + apiPort + " (admin: http://127.0.0.1:"
                + adminPort + ")");
        out.println("API key: " + key.reveal());
        out.println("(also in " + keyFile + ")");
        out.flush();
    }

    public Path keyFile() {
        return Path.of(settings.getApiKeyFile()).toAbsolutePath().normalize();
    }

    private void keep(ApiKeySecret key) {
        Path file = keyFile();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, key.reveal() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            throw new StartupException("cannot write the dev API key file " + file + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new StartupException("cannot read the dev API key file " + file + ": " + e.getMessage());
        }
    }
}
