package dev.wharf.application.service.dev;

import dev.wharf.application.port.in.dev.DevEnvironment;
import dev.wharf.application.port.in.dev.DevEnvironmentSetup;
import dev.wharf.application.port.in.dev.SetUpDevEnvironmentCommand;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.application.port.out.auth.ApiKeyRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * Sets up dev mode's organization, project, admin user and API key, idempotently, in one transaction. The key is kept
 * by its digest under {@code hashing}; a dev key stored by its plain SHA-256 (before keyed digests) is rewritten.
 */
public final class DevEnvironmentService implements DevEnvironmentSetup {
    public static final ProjectId DEV_PROJECT = ProjectId.of(1);
    public static final String DEV_ORGANIZATION_NAME = "Default organization";
    public static final String DEV_PROJECT_NAME = "Default project";
    public static final String DEV_USER_EMAIL = "dev@localhost";
    public static final String DEV_KEY_LABEL = "dev mode";

    private final TransactionRunner transactions;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final KeyHashingSecret hashing;
    private final Clock clock;

    public DevEnvironmentService(
            TransactionRunner transactions,
            OrganizationRepository organizations,
            ProjectRepository projects,
            UserRepository users,
            ApiKeyRepository apiKeys,
            KeyHashingSecret hashing,
            Clock clock) {
        this.transactions = transactions;
        this.organizations = organizations;
        this.projects = projects;
        this.users = users;
        this.apiKeys = apiKeys;
        this.hashing = hashing;
        this.clock = clock;
    }

    @Override
    public DevEnvironment setUp(SetUpDevEnvironmentCommand command) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            boolean created = projects.findById(DEV_PROJECT).isEmpty();
            if (created) {
                createOrganizationAndProject(now);
            }
            Project project = projects.findById(DEV_PROJECT).orElseThrow();
            User user = users.findByEmail(DEV_USER_EMAIL).orElseGet(() -> createAdmin(project, now));
            String digest = command.apiKey().digest(hashing);
            ApiKey key = apiKeys.findBySecret(command.apiKey(), digest)
                    .orElseGet(() -> issueUnlessRevoked(user.id(), command, digest, now));
            return new DevEnvironment(project.organizationId(), project.id(), user.id(), key.id(), created);
        });
    }

    private void createOrganizationAndProject(Instant now) {
        Organization organization = new Organization(OrganizationId.random(), DEV_ORGANIZATION_NAME, now);
        organizations.insert(organization);
        projects.insert(new Project(DEV_PROJECT, organization.id(), DEV_PROJECT_NAME, ZoneOffset.UTC, now));
    }

    private User createAdmin(Project project, Instant now) {
        User user = new User(UserId.random(), DEV_USER_EMAIL, now);
        users.insert(user);
        organizations.saveMembership(new Membership(project.organizationId(), user.id(), OrganizationRole.ADMIN, now));
        return user;
    }

    /** A revoked dev key stays revoked: a restart must not bring back a key an operator took away. */
    private ApiKey issueUnlessRevoked(UserId userId, SetUpDevEnvironmentCommand command, String digest, Instant now) {
        if (apiKeys.findByUser(userId).stream().anyMatch(k -> k.secretDigest().equals(digest))) {
            throw new ConflictException(
                    "the dev API key was revoked: delete the dev API key file (or choose another WHARF_DEV_API_KEY)"
                            + " to get a new one");
        }
        return issueKey(userId, command, now);
    }

    private ApiKey issueKey(UserId userId, SetUpDevEnvironmentCommand command, Instant now) {
        ApiKey key = ApiKey.issue(
                ApiKeyId.random(),
                userId,
                DEV_KEY_LABEL,
                command.apiKey(),
                hashing,
                EnumSet.of(Scope.ALL),
                Set.of(),
                now);
        apiKeys.insert(key);
        return key;
    }
}
