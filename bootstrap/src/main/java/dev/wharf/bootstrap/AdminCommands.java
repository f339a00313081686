package dev.wharf.bootstrap;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;

/** The operator's commands: {@code org}, {@code project}, {@code user} and {@code key}, printing to {@code out}. */
final class AdminCommands {
    private AdminCommands() {}

    static void addTo(Bootstrap<WharfConfiguration> bootstrap, PrintStream out) {
        bootstrap.addCommand(new OrgCommand(out));
        bootstrap.addCommand(new ProjectCommand(out));
        bootstrap.addCommand(new UserCommand(out));
        bootstrap.addCommand(new KeyCommand(out));
    }
}
