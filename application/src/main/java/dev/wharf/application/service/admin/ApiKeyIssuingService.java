package dev.wharf.application.service.admin;

import dev.wharf.application.port.in.admin.ApiKeyIssuing;
import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.application.port.in.admin.IssueApiKeyCommand;
import dev.wharf.application.port.in.admin.IssuedApiKey;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The operator issues a personal API key: its plaintext is returned once and the key is stored by its digest under
 * the server's key-hashing secret, the same one the server authenticates with. Listing and revoking keys need no such
 * secret (see {@link ApiKeyAdministrationService}).
 */
public final class ApiKeyIssuingService implements ApiKeyIssuing {
    private final TransactionRunner transactions;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final KeyHashingSecret hashing;
    private final SecureRandom random;
    private final Clock clock;

    public ApiKeyIssuingService(
            TransactionRunner transactions,
            OrganizationRepository organizations,
            ProjectRepository projects,
            UserRepository users,
            ApiKeyRepository apiKeys,
            KeyHashingSecret hashing,
            SecureRandom random,
            Clock clock) {
        this.transactions = transactions;
        this.organizations = organizations;
        this.projects = projects;
        this.users = users;
        this.apiKeys = apiKeys;
        this.hashing = hashing;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public IssuedApiKey issueApiKey(IssueApiKeyCommand command) {
        return transactions.inTransaction(() -> {
            User user = ApiKeyAdministrationService.requireUser(users, command.email());
            for (ProjectId id : command.projects()) {
                Project project = projects.findById(id)
                        .orElseThrow(() -> new NotFoundException("project " + id + " does not exist"));
                if (organizations
                        .findMembership(project.organizationId(), user.id())
                        .isEmpty()) {
                    throw new RuleViolationException(user.email() + " is not a member of the organization of project "
                            + id + " (" + project.organizationId() + ")");
                }
            }
            ApiKeySecret secret = ApiKeySecret.generate(random);
            ApiKey key = ApiKey.issue(
                    ApiKeyId.random(),
                    user.id(),
                    command.label(),
                    secret,
                    hashing,
                    command.scopes(),
                    command.projects(),
                    clock.instant());
            apiKeys.insert(key);
            return new IssuedApiKey(ApiKeySummary.of(key, user.email()), secret);
        });
    }
}
