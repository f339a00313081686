package dev.wharf.bootstrap.cli;

import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code check <config>}: Dropwizard's check of a configuration file, whose failures are one line naming it. */
public final class WharfCheckCommand extends CheckCommand<WharfConfiguration> {
    public WharfCheckCommand(Application<WharfConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!OneLineErrors.print(cli, namespace, e)) {
            super.onError(cli, namespace, e);
        }
    }
}
