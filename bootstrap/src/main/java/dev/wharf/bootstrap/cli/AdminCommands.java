package dev.wharf.bootstrap.cli;

import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.Map;

/**
 * The operator's commands: {@code org}, {@code project}, {@code user} and {@code key}, printing to {@code out}, finding
 * dev mode's data through {@code environment} ({@code WHARF_DATA_DIR}) when given no configuration file.
 */
public final class AdminCommands {
    private AdminCommands() {}

    public static void addTo(Bootstrap<WharfConfiguration> bootstrap, PrintStream out) {
        addTo(bootstrap, out, System.getenv());
    }

    public static void addTo(
            Bootstrap<WharfConfiguration> bootstrap, PrintStream out, Map<String, String> environment) {
        bootstrap.addCommand(new OrgCommand(out, environment));
        bootstrap.addCommand(new ProjectCommand(out, environment));
        bootstrap.addCommand(new UserCommand(out, environment));
        bootstrap.addCommand(new KeyCommand(out, environment));
    }
}
