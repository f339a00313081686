package dev.wharf.bootstrap;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code check <config>}: Dropwizard's check of a configuration file, whose failures are one line naming it. */
final class WharfCheckCommand extends CheckCommand<WharfConfiguration> {
    WharfCheckCommand(Application<WharfConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!OneLineErrors.print(cli, namespace, e)) {
            super.onError(cli, namespace, e);
        }
    }
}
