package dev.wharf.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.wharf.domain.shared.DomainException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.slf4j.LoggerFactory;

/**
 * An operator's command on the metadata database ({@code org}, {@code project}, {@code user}, {@code key}), each with
 * actions ({@code create}, {@code list}, …) that take the configuration file last. It opens the database of that
 * file, refuses an unmigrated schema as the server does (dev mode's configuration migrates it), runs one use case and
 * prints the result on standard output. A wrong argument, an unknown reference or a refused change is one line on
 * standard error ({@code wharf: …}) and a non-zero exit.
 */
abstract class AdminCommand extends ConfiguredCommand<WharfConfiguration> {
    static final String ACTION = "action";

    private final PrintStream out;

    AdminCommand(String name, String description, PrintStream out) {
        super(name, description);
        this.out = out;
    }

    /** Adds the actions, each with its options; {@link #action} adds the configuration file argument. */
    abstract void configureActions(Subparsers actions);

    abstract void execute(String action, Namespace namespace, AdminWiring admin, PrintStream out);

    @Override
    public final void configure(Subparser subparser) {
        configureActions(subparser.addSubparsers().dest(ACTION).metavar("ACTION"));
    }

    Subparser action(Subparsers actions, String name, String help) {
        Subparser action = actions.addParser(name).help(help).description(help);
        addFileArgument(action);
        return action;
    }

    @Override
    protected Class<WharfConfiguration> getConfigurationClass() {
        return WharfConfiguration.class;
    }

    @Override
    protected void run(Bootstrap<WharfConfiguration> bootstrap, Namespace namespace, WharfConfiguration configuration) {
        quietLogging();
        MetadataDatabase.use(configuration, "admin", jdbi -> {
            execute(namespace.getString(ACTION), namespace, new AdminWiring(jdbi, configuration.getAuth()), out);
            out.flush();
        });
    }

    /** The configuration's log level is for the server: a command's output is its result, and warnings. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root
                && root.getLevel() != null
                && !root.getLevel().isGreaterOrEqual(Level.WARN)) {
            root.setLevel(Level.WARN);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof DomainException) {
            cli.getStdErr().println("wharf: " + e.getMessage());
            cli.getStdErr().flush();
        } else if (!OneLineErrors.print(cli, e)) {
            super.onError(cli, namespace, e);
        }
    }
}
