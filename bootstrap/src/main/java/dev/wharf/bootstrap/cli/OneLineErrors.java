package dev.wharf.bootstrap.cli;

import dev.wharf.adapters.out.provisioning.postgres.embedded.EmbeddedPostgresException;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.config.ConfigurationFileError;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.cli.Cli;
import java.io.IOException;
import java.net.BindException;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Turns the start-up failures an operator can fix (database unreachable or not migrated, port taken, bad dev key) into
 * one line on standard error. Anything else is a bug and keeps its stack trace.
 */
final class OneLineErrors {
    private OneLineErrors() {}

    /**
     * As {@link #print(Cli, Throwable)}, and a configuration file that cannot be used (missing, a directory,
     * unreadable, not YAML, not a valid configuration: what Dropwizard throws before the command runs) is one line
     * naming it.
     */
    static boolean print(Cli cli, Namespace namespace, Throwable error) {
        if (describe(error) != null) {
            return print(cli, error);
        }
        String file = namespace.getString("file");
        if (file != null && error instanceof ConfigurationException invalid) {
            return printLine(cli, ConfigurationFileError.of(file, invalid).getMessage());
        }
        if (file != null && error instanceof IOException unreadable && ConfigurationFileError.unusable(file)) {
            return printLine(cli, ConfigurationFileError.of(file, unreadable).getMessage());
        }
        return false;
    }

    /** Prints the one-line message and returns true, or returns false when {@code error} is not an operator's. */
    static boolean print(Cli cli, Throwable error) {
        String line = describe(error);
        if (line == null) {
            return false;
        }
        return printLine(cli, line);
    }

    private static boolean printLine(Cli cli, String line) {
        cli.getStdErr().println("wharf: " + line);
        cli.getStdErr().flush();
        return true;
    }

    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StartupException || t instanceof EmbeddedPostgresException) {
                return t.getMessage();
            }
            if (t instanceof BindException) {
                return bindFailure(error, t);
            }
        }
        return null;
    }

    /** Jetty wraps the JDK's "Address already in use" in an exception that names the address: say both. */
    private static String bindFailure(Throwable error, Throwable bind) {
        for (Throwable t = error; t != null && t != bind; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("bind")) {
                return t.getMessage() + ": " + bind.getMessage() + " (is another Wharf running on that port?)";
            }
        }
        return "cannot listen: " + bind.getMessage() + " (is another Wharf running on that port?)";
    }
}
