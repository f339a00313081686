package dev.wharf.bootstrap.cli;

import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** Dropwizard's {@code server} command, with one-line errors for the failures an operator can fix. */
public class WharfServerCommand extends ServerCommand<WharfConfiguration> {
    public WharfServerCommand(Application<WharfConfiguration> application) {
        super(application);
    }

    public WharfServerCommand(Application<WharfConfiguration> application, String name, String description) {
        super(application, name, description);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!OneLineErrors.print(cli, namespace, e)) {
            super.onError(cli, namespace, e);
        }
    }
}
