package dev.wharf.application.service;

import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.application.port.in.admin.IssueApiKeyCommand;
import dev.wharf.application.port.in.admin.IssueApiKeyUseCase;
import dev.wharf.application.port.in.admin.IssuedApiKey;
import dev.wharf.application.port.in.admin.ListApiKeysQuery;
import dev.wharf.application.port.in.admin.ListApiKeysUseCase;
import dev.wharf.application.port.in.admin.RevokeApiKeyCommand;
import dev.wharf.application.port.in.admin.RevokeApiKeyUseCase;
import dev.wharf.application.port.out.ApiKeyRepository;
import dev.wharf.application.port.out.OrganizationRepository;
import dev.wharf.application.port.out.ProjectRepository;
import dev.wharf.application.port.out.TransactionRunner;
import dev.wharf.application.port.out.UserRepository;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator's management of personal API keys. An issued key's plaintext is returned once and never stored; a
 * revoked key stays listed, marked revoked, and never authenticates again.
 */
public final class ApiKeyAdministrationService implements IssueApiKeyUseCase, RevokeApiKeyUseCase, ListApiKeysUseCase {
    private final TransactionRunner transactions;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final SecureRandom random;
    private final Clock clock;

    public ApiKeyAdministrationService(
            TransactionRunner transactions,
            OrganizationRepository organizations,
            ProjectRepository projects,
            UserRepository users,
            ApiKeyRepository apiKeys,
            SecureRandom random,
            Clock clock) {
        this.transactions = transactions;
        this.organizations = organizations;
        this.projects = projects;
        this.users = users;
        this.apiKeys = apiKeys;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public IssuedApiKey issueApiKey(IssueApiKeyCommand command) {
        return transactions.inTransaction(() -> {
            User user = requireUser(command.email());
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
                    command.scopes(),
                    command.projects(),
                    clock.instant());
            apiKeys.insert(key);
            return new IssuedApiKey(ApiKeySummary.of(key, user.email()), secret);
        });
    }

    @Override
    public ApiKeySummary revokeApiKey(RevokeApiKeyCommand command) {
        return transactions.inTransaction(() -> {
            ApiKey key = apiKeys.findById(command.id())
                    .orElseThrow(() -> new NotFoundException("API key " + command.id() + " does not exist"));
            Instant now = clock.instant();
            ApiKey revoked = key.revoke(now.isBefore(key.createdAt()) ? key.createdAt() : now);
            if (!apiKeys.revoke(key.id(), revoked.revokedAt())) {
                throw new NotFoundException("API key " + command.id() + " is no longer there to revoke");
            }
            return ApiKeySummary.of(revoked, emailOf(key.userId()));
        });
    }

    @Override
    public List<ApiKeySummary> listApiKeys(ListApiKeysQuery query) {
        return transactions.inTransaction(() -> {
            if (query.email() != null) {
                User user = requireUser(query.email());
                return apiKeys.findByUser(user.id()).stream()
                        .map(key -> ApiKeySummary.of(key, user.email()))
                        .toList();
            }
            Map<UserId, String> emails =
                    users.findAll().stream().collect(Collectors.toMap(User::id, User::email, (a, b) -> a));
            return apiKeys.findAll().stream()
                    .map(key -> ApiKeySummary.of(key, emails.get(key.userId())))
                    .toList();
        });
    }

    private User requireUser(String email) {
        if (email == null || email.isBlank()) {
            throw new RuleViolationException("email is required");
        }
        return users.findByEmail(email)
                .orElseThrow(() -> new NotFoundException("no user has the e-mail " + email.strip()));
    }

    private String emailOf(UserId id) {
        return users.findById(id).map(User::email).orElse(id.toString());
    }
}
