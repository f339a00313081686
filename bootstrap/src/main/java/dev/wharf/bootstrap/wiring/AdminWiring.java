package dev.wharf.bootstrap.wiring;

import dev.wharf.adapters.out.jdbi.JdbiTransactionRunner;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.application.port.in.admin.Administration;
import dev.wharf.application.port.in.admin.ApiKeyAdministration;
import dev.wharf.application.port.in.admin.ApiKeyIssuing;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.application.service.admin.AdministrationService;
import dev.wharf.application.service.admin.ApiKeyAdministrationService;
import dev.wharf.application.service.admin.ApiKeyIssuingService;
import dev.wharf.bootstrap.config.AuthConfiguration;
import java.security.SecureRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's use cases over the metadata database, for the admin commands: the same adapters as {@link Wiring},
 * without the server's engine, worker and resources. Only issuing a key reads the key-hashing secret (and stops, one
 * line, when it is missing), so every other command, {@code key list} and {@code key revoke} included, works without
 * it.
 */
public final class AdminWiring {
    private final TransactionRunner transactions;
    private final JdbiOrganizationRepository organizations;
    private final JdbiProjectRepository projects;
    private final JdbiUserRepository users;
    private final JdbiApiKeyRepository apiKeys;
    private final AuthConfiguration auth;
    private final AdministrationService administration;
    private final ApiKeyAdministrationService keys;

    public AdminWiring(Jdbi jdbi, AuthConfiguration auth) {
        this.transactions = new JdbiTransactionRunner(jdbi);
        this.organizations = new JdbiOrganizationRepository(jdbi);
        this.projects = new JdbiProjectRepository(jdbi);
        this.users = new JdbiUserRepository(jdbi);
        this.apiKeys = new JdbiApiKeyRepository(jdbi);
        this.auth = auth;
        this.administration = new AdministrationService(transactions, organizations, projects, users, Wiring.CLOCK);
        this.keys = new ApiKeyAdministrationService(transactions, users, apiKeys, Wiring.CLOCK);
    }

    /** Organizations, projects and users. */
    public Administration administration() {
        return administration;
    }

    public ApiKeyIssuing issueApiKey() {
        return new ApiKeyIssuingService(
                transactions,
                organizations,
                projects,
                users,
                apiKeys,
                auth.keyHashingSecret(),
                new SecureRandom(),
                Wiring.CLOCK);
    }

    public ApiKeyAdministration apiKeys() {
        return keys;
    }
}
