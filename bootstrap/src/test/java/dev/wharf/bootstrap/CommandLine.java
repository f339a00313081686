package dev.wharf.bootstrap;

import dev.wharf.bootstrap.config.ClasspathOrFileSourceProvider;
import dev.wharf.bootstrap.config.WharfConfiguration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Wharf's command line run in process, with the commands under test added, and what it printed. */
public final class CommandLine {
    private CommandLine() {}

    /** What one command printed, and whether it failed. */
    public record Run(String out, String err, boolean failed) {}

    /**
     * Runs {@code args} then {@code configFile} (none when null), after {@code commands} added the commands under test,
     * each printing to the stream it is given.
     */
    public static Run run(
            BiConsumer<Bootstrap<WharfConfiguration>, PrintStream> commands, String configFile, String... args)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Bootstrap<WharfConfiguration> bootstrap = new Bootstrap<>(new WharfApplication());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new ClasspathOrFileSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        commands.accept(bootstrap, new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] withConfig = configFile == null ? args : Arrays.copyOf(args, args.length + 1);
        if (configFile != null) {
            withConfig[args.length] = configFile;
        }
        Optional<Throwable> failure =
                new Cli(new JarLocation(WharfApplication.class), bootstrap, out, err).run(withConfig);
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure.isPresent());
    }
}
