package dev.wharf.application.port.out;

import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Every outbound persistence port over one store, as each implementation provides them. Contract tests get a fresh
 * fixture per test and close it afterwards.
 */
public interface PersistenceFixture extends AutoCloseable {
    /** Instants with the precision every store keeps (PostgreSQL: microseconds). */
    Instant T0 = Instant.parse("2026-03-14T09:26:53.589793Z");

    TransactionRunner transactions();

    WarehouseRepository warehouses();

    CredentialRepository credentials();

    OrganizationRepository organizations();

    ProjectRepository projects();

    UserRepository users();

    ApiKeyRepository apiKeys();

    SourceRepository sources();

    JobRepository jobs();

    JobActivityQueries jobActivity();

    UsageQueries usage();

    AuditLog auditLog();

    RateLimiter rateLimiter();

    /** Another rate limiter over the same store, as a second Wharf instance behind the same database has. */
    RateLimiter rateLimiterOfAnotherInstance();

    /** How many rate-limit windows the store keeps for {@code project}, to see that old ones are forgotten. */
    int rateLimitWindows(ProjectId project);

    @Override
    void close();

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).truncatedTo(ChronoUnit.MICROS);
    }

    /** Stores an organization with one project, for tests that need somewhere to put things. */
    default Project givenProject(long id) {
        Organization organization = new Organization(OrganizationId.random(), "Org of " + id, T0);
        organizations().insert(organization);
        Project project = new Project(ProjectId.of(id), organization.id(), "Project " + id, ZoneOffset.UTC, T0);
        projects().insert(project);
        return project;
    }

    default User givenUser(String email) {
        User user = new User(UserId.random(), email, T0);
        users().insert(user);
        return user;
    }
}
