package dev.wharf.bootstrap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.config.ConfigurationFileError;
import dev.wharf.bootstrap.config.WharfConfiguration;
import dev.wharf.bootstrap.dev.DevDataDirectory;
import dev.wharf.bootstrap.wiring.AdminWiring;
import dev.wharf.bootstrap.wiring.MetadataDatabase;
import dev.wharf.domain.shared.DomainException;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.slf4j.LoggerFactory;

/**
 * An operator's command on the metadata database ({@code org}, {@code project}, {@code user}, {@code key}), each with
 * actions ({@code create}, {@code list}, …) that take the configuration file last. It opens the database of that
 * file, refuses an unmigrated schema as the server does (dev mode's configuration migrates it), runs one use case and
 * prints the result on standard output. Without a configuration file it opens dev mode's data where {@code ./wharf
 * dev} keeps it ({@link DevDataDirectory}), and refuses when there is none rather than making an empty database (nor
 * a key-hashing secret). A wrong argument, an unknown reference, a refused change or a configuration file that cannot
 * be read is one line on standard error ({@code wharf: …}) and a non-zero exit.
 */
abstract class AdminCommand extends ConfiguredCommand<WharfConfiguration> {
    static final String ACTION = "action";
    private static final String FILE = "file";
    private static final String DEV_DATA = "wharf.devData";

    private final PrintStream out;
    private final Map<String, String> environment;

    AdminCommand(String name, String description, PrintStream out, Map<String, String> environment) {
        super(name, description);
        this.out = out;
        this.environment = environment;
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
        addFileArgument(action)
                .help("the configuration file; without one, dev mode's data in WHARF_DATA_DIR (default ./.wharf)");
        return action;
    }

    @Override
    protected Class<WharfConfiguration> getConfigurationClass() {
        return WharfConfiguration.class;
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        String file = namespace.getString(FILE);
        Namespace resolved = file == null ? devData(namespace) : namespace;
        try {
            super.run(bootstrap, resolved);
        } catch (IOException e) {
            throw ConfigurationFileError.of(resolved.getString(FILE), e);
        } catch (ConfigurationException e) {
            throw ConfigurationFileError.of(resolved.getString(FILE), e);
        }
    }

    /** Dev mode's configuration, on the data dev mode keeps where the environment says; none there is refused. */
    private Namespace devData(Namespace namespace) {
        DevDataDirectory data = DevDataDirectory.of(environment);
        if (!data.hasMetadata()) {
            throw new StartupException("there is no Wharf data at " + data.path()
                    + "; start ./wharf dev first or pass a configuration file");
        }
        Map<String, Object> attributes = new HashMap<>(namespace.getAttrs());
        attributes.put(FILE, DevCommand.CONFIG);
        attributes.put(DEV_DATA, data);
        return new Namespace(attributes);
    }

    @Override
    protected void run(Bootstrap<WharfConfiguration> bootstrap, Namespace namespace, WharfConfiguration configuration) {
        if (namespace.get(DEV_DATA) instanceof DevDataDirectory data) {
            configuration.getDatabase().setUrl(data.existingMetadataUrl());
            configuration.getAuth().setKeySecretFile(data.keySecretFile().toString());
        }
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
