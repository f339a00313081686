package dev.wharf.bootstrap.config;

import dev.wharf.bootstrap.StartupException;
import io.dropwizard.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used (missing, a directory, unreadable, not YAML, not a valid configuration) as
 * one line naming the file: Dropwizard throws these with a multi-line message or a stack trace.
 */
public final class ConfigurationFileError {
    private ConfigurationFileError() {}

    public static StartupException of(String file, IOException e) {
        if (isDirectory(file)) {
            return new StartupException("the configuration file " + file + " is a directory");
        }
        if (!exists(file)) {
            return new StartupException("the configuration file " + file + " does not exist");
        }
        return new StartupException("cannot read the configuration file " + file + ": " + firstLine(e.getMessage()));
    }

    /** Each of Dropwizard's errors by its first line (a parsing error goes on with the YAML around it). */
    public static StartupException of(String file, ConfigurationException e) {
        String errors = e.getErrors().stream()
                .map(ConfigurationFileError::firstLine)
                .map(line -> line.strip().replaceFirst("^\\* ", ""))
                .collect(Collectors.joining("; "));
        return new StartupException("the configuration file " + file + " cannot be used: "
                + (errors.isEmpty() ? firstLine(e.getMessage()) : errors));
    }

    /** Whether {@code file} is missing, a directory or unreadable: then an I/O error came from reading it. */
    public static boolean unusable(String file) {
        if (file.startsWith(ClasspathOrFileSourceProvider.CLASSPATH)) {
            return false;
        }
        try {
            Path path = Path.of(file);
            return !Files.isRegularFile(path) || !Files.isReadable(path);
        } catch (InvalidPathException e) {
            return true;
        }
    }

    private static boolean isDirectory(String file) {
        try {
            return Files.isDirectory(Path.of(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean exists(String file) {
        try {
            return Files.exists(Path.of(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
