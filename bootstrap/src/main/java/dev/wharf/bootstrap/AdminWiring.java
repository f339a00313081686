package dev.wharf.bootstrap;

import dev.wharf.adapters.out.jdbi.JdbiTransactionRunner;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.application.port.in.admin.CreateOrganizationUseCase;
import dev.wharf.application.port.in.admin.CreateProjectUseCase;
import dev.wharf.application.port.in.admin.CreateUserUseCase;
import dev.wharf.application.port.in.admin.IssueApiKeyUseCase;
import dev.wharf.application.port.in.admin.ListApiKeysUseCase;
import dev.wharf.application.port.in.admin.ListOrganizationsUseCase;
import dev.wharf.application.port.in.admin.ListProjectsUseCase;
import dev.wharf.application.port.in.admin.ListUsersUseCase;
import dev.wharf.application.port.in.admin.RevokeApiKeyUseCase;
import dev.wharf.application.port.out.TransactionRunner;
import dev.wharf.application.service.AdministrationService;
import dev.wharf.application.service.ApiKeyAdministrationService;
import java.security.SecureRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's use cases over the metadata database, for the admin commands: the same adapters as {@link Wiring},
 * without the server's engine, worker and resources.
 */
final class AdminWiring {
    private final AdministrationService administration;
    private final ApiKeyAdministrationService keys;

    AdminWiring(Jdbi jdbi) {
        TransactionRunner transactions = new JdbiTransactionRunner(jdbi);
        JdbiOrganizationRepository organizations = new JdbiOrganizationRepository(jdbi);
        JdbiProjectRepository projects = new JdbiProjectRepository(jdbi);
        JdbiUserRepository users = new JdbiUserRepository(jdbi);
        this.administration = new AdministrationService(transactions, organizations, projects, users, Wiring.CLOCK);
        this.keys = new ApiKeyAdministrationService(
                transactions,
                organizations,
                projects,
                users,
                new JdbiApiKeyRepository(jdbi),
                new SecureRandom(),
                Wiring.CLOCK);
    }

    CreateOrganizationUseCase createOrganization() {
        return administration;
    }

    ListOrganizationsUseCase listOrganizations() {
        return administration;
    }

    CreateProjectUseCase createProject() {
        return administration;
    }

    ListProjectsUseCase listProjects() {
        return administration;
    }

    CreateUserUseCase createUser() {
        return administration;
    }

    ListUsersUseCase listUsers() {
        return administration;
    }

    IssueApiKeyUseCase issueApiKey() {
        return keys;
    }

    ListApiKeysUseCase listApiKeys() {
        return keys;
    }

    RevokeApiKeyUseCase revokeApiKey() {
        return keys;
    }
}
