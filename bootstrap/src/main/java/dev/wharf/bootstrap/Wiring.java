package dev.wharf.bootstrap;

import dev.wharf.adapters.out.jdbi.JdbiTransactionRunner;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.application.port.in.dev.SetUpDevEnvironmentUseCase;
import dev.wharf.application.service.DevEnvironmentService;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds Wharf by hand: adapters, then services, then resources. A wiring mistake is a compile error, and the inner
 * layers stay free of injection annotations.
 */
final class Wiring {
    /** Microsecond ticks: PostgreSQL keeps microseconds, so what is stored reads back equal. */
    static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final Jdbi jdbi;

    Wiring(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    SetUpDevEnvironmentUseCase devEnvironment() {
        return new DevEnvironmentService(
                new JdbiTransactionRunner(jdbi),
                new JdbiOrganizationRepository(jdbi),
                new JdbiProjectRepository(jdbi),
                new JdbiUserRepository(jdbi),
                new JdbiApiKeyRepository(jdbi),
                CLOCK);
    }
}
