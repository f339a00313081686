package dev.wharf.application.service.admin;

import dev.wharf.application.port.in.admin.Administration;
import dev.wharf.application.port.in.admin.CreateOrganizationCommand;
import dev.wharf.application.port.in.admin.CreateProjectCommand;
import dev.wharf.application.port.in.admin.CreateUserCommand;
import dev.wharf.application.port.in.admin.ListProjectsQuery;
import dev.wharf.application.port.in.admin.ListUsersQuery;
import dev.wharf.application.port.in.admin.UserSummary;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.application.port.out.admin.UserRepository;
import dev.wharf.application.port.out.transaction.TransactionRunner;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The operator's management of organizations, projects and users, each use case in one transaction. */
public final class AdministrationService implements Administration {
    private final TransactionRunner transactions;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final UserRepository users;
    private final Clock clock;

    public AdministrationService(
            TransactionRunner transactions,
            OrganizationRepository organizations,
            ProjectRepository projects,
            UserRepository users,
            Clock clock) {
        this.transactions = transactions;
        this.organizations = organizations;
        this.projects = projects;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Organization createOrganization(CreateOrganizationCommand command) {
        Organization organization = new Organization(OrganizationId.random(), command.name(), clock.instant());
        transactions.inTransaction(() -> organizations.insert(organization));
        return organization;
    }

    @Override
    public List<Organization> listOrganizations() {
        return transactions.inTransaction(organizations::findAll);
    }

    @Override
    public Project createProject(CreateProjectCommand command) {
        return transactions.inTransaction(() -> {
            requireOrganization(command.organizationId());
            ProjectId id = command.id() == null ? projects.nextFreeId() : command.id();
            if (projects.findById(id).isPresent()) {
                throw new ConflictException("project " + id + " already exists");
            }
            Project project = new Project(
                    id,
                    command.organizationId(),
                    command.name(),
                    command.timeZone() == null ? ZoneOffset.UTC : command.timeZone(),
                    clock.instant());
            projects.insert(project);
            return project;
        });
    }

    @Override
    public List<Project> listProjects(ListProjectsQuery query) {
        return transactions.inTransaction(() -> {
            if (query.organizationId() == null) {
                return projects.findAll();
            }
            requireOrganization(query.organizationId());
            return projects.findByOrganization(query.organizationId());
        });
    }

    @Override
    public UserSummary createUser(CreateUserCommand command) {
        return transactions.inTransaction(() -> {
            requireOrganization(command.organizationId());
            Instant now = clock.instant();
            User candidate = new User(UserId.random(), command.email(), now);
            Optional<User> existing = users.findByEmail(candidate.email());
            User user = existing.orElse(candidate);
            if (existing.isEmpty()) {
                users.insert(user);
            }
            organizations.saveMembership(new Membership(command.organizationId(), user.id(), command.role(), now));
            return new UserSummary(user, organizations.findMembershipsOfUser(user.id()), existing.isEmpty());
        });
    }

    @Override
    public List<UserSummary> listUsers(ListUsersQuery query) {
        return transactions.inTransaction(() -> {
            if (query.organizationId() != null) {
                requireOrganization(query.organizationId());
            }
            return users.findAll().stream()
                    .map(user -> new UserSummary(user, organizations.findMembershipsOfUser(user.id()), false))
                    .filter(summary -> query.organizationId() == null
                            || summary.memberships().stream()
                                    .anyMatch(m -> m.organizationId().equals(query.organizationId())))
                    .toList();
        });
    }

    private void requireOrganization(OrganizationId id) {
        if (organizations.findById(id).isEmpty()) {
            throw new NotFoundException("organization " + id + " does not exist");
        }
    }
}
