package dev.wharf.bootstrap.cli;

import dev.wharf.adapters.out.jdbi.JdbiTransactionRunner;
import dev.wharf.adapters.out.jdbi.job.JdbiJobRepository;
import dev.wharf.adapters.out.jdbi.job.JdbiSourceRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.application.port.in.dev.GenerateDataCommand;
import dev.wharf.application.port.in.dev.GeneratedData;
import dev.wharf.application.service.dev.DataGeneratorService;
import dev.wharf.bootstrap.StartupException;
import dev.wharf.bootstrap.config.WharfConfiguration;
import dev.wharf.bootstrap.wiring.MetadataDatabase;
import dev.wharf.bootstrap.wiring.Wiring;
import dev.wharf.domain.project.KeyHashingSecret;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code generate [options] <config>}: loads made-up projects, sources and jobs into the metadata database of the
 * configuration, through the repositories, for benchmarks. It prints the new projects' ids and a key to read them
 * with ({@code API key: phx_…}, shown once; stored under the configuration's key-hashing secret, so the server that
 * reads the data must have the same one); progress goes to standard error.
 */
public final class GenerateCommand extends ConfiguredCommand<WharfConfiguration> {
    private final PrintStream out;

    public GenerateCommand(PrintStream out) {
        super("generate", "Loads made-up projects, sources and jobs into the metadata database, for benchmarks");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--projects").type(Integer.class).setDefault(1).help("new projects (default 1)");
        subparser.addArgument("--sources").type(Integer.class).setDefault(1000).help("sources per project (1000)");
        subparser.addArgument("--jobs").type(Long.class).setDefault(10_000L).help("finished jobs per project (10000)");
        subparser.addArgument("--months").type(Integer.class).setDefault(12).help("months of history (12)");
        subparser.addArgument("--running").type(Integer.class).setDefault(10).help("running jobs per project (10)");
        subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("random seed (1)");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<WharfConfiguration> bootstrap, Namespace namespace, WharfConfiguration configuration) {
        GenerateDataCommand command;
        try {
            command = new GenerateDataCommand(
                    namespace.getInt("projects"),
                    namespace.getInt("sources"),
                    namespace.getLong("jobs"),
                    namespace.getInt("months"),
                    namespace.getInt("running"),
                    namespace.getLong("seed"));
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        KeyHashingSecret hashing = configuration.getAuth().keyHashingSecret();
        MetadataDatabase.use(configuration, "generate", jdbi -> {
            long started = System.nanoTime();
            GeneratedData data = generator(jdbi, configuration, hashing).generate(command, stored -> {
                if (stored % 100_000 < 10_000) {
                    System.err.printf("wharf: %,d jobs stored%n", stored);
                }
            });
            out.printf(
                    "Generated organization %s: %d projects, %d sources, %d jobs in %.1f s%n",
                    data.organization().value(),
                    data.projects().size(),
                    data.sources(),
                    data.jobs(),
                    (System.nanoTime() - started) / 1e9);
            out.println("Projects: "
                    + data.projects().stream()
                            .map(p -> Long.toString(p.value()))
                            .collect(Collectors.joining(",")));
            out.println("API key: " + data.apiKey().reveal());
            out.flush();
        });
    }

    private static DataGeneratorService generator(
            Jdbi jdbi, WharfConfiguration configuration, KeyHashingSecret hashing) {
        return new DataGeneratorService(
                new JdbiTransactionRunner(jdbi),
                new JdbiOrganizationRepository(jdbi),
                new JdbiProjectRepository(jdbi),
                new JdbiUserRepository(jdbi),
                new JdbiApiKeyRepository(jdbi),
                new JdbiSourceRepository(jdbi),
                new JdbiJobRepository(jdbi),
                configuration.getBilling().build(Wiring.CLOCK),
                hashing,
                Wiring.CLOCK);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (!OneLineErrors.print(cli, namespace, e)) {
            super.onError(cli, namespace, e);
        }
    }
}
