package dev.wharf.adapters.out.jdbi.usage;

import static dev.wharf.application.port.out.PersistenceFixture.T0;

import dev.wharf.adapters.out.jdbi.JdbiFixture;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.adapters.out.jdbi.job.JdbiJobRepository;
import dev.wharf.adapters.out.jdbi.job.JdbiSourceRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.application.port.out.admin.OrganizationRepository;
import dev.wharf.application.port.out.admin.ProjectRepository;
import dev.wharf.application.port.out.job.JobRepository;
import dev.wharf.application.port.out.job.SourceRepository;
import dev.wharf.application.port.out.usage.UsageQueries;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.jdbi.v3.core.Jdbi;

/**
 * The JDBI repositories a usage property test stores and reads through, on a fixture's migrated database but over a
 * connection pool, as the application has one: a property stores hundreds of jobs and reads hundreds of sums, and
 * opening a PostgreSQL connection for each would take most of its time.
 */
final class PooledStore implements AutoCloseable {
    private final JdbiFixture fixture;
    private final DataSource pool;
    private final JobRepository jobs;
    private final SourceRepository sources;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;
    private final UsageQueries usage;

    PooledStore(Supplier<JdbiFixture> fixtures) {
        this.fixture = fixtures.get();
        PoolProperties properties = new PoolProperties();
        properties.setDataSource(fixture.database().dataSource());
        properties.setMaxActive(4);
        properties.setInitialSize(1);
        this.pool = new DataSource(properties);
        Jdbi jdbi = WharfJdbi.create(pool);
        this.jobs = new JdbiJobRepository(jdbi);
        this.sources = new JdbiSourceRepository(jdbi);
        this.organizations = new JdbiOrganizationRepository(jdbi);
        this.projects = new JdbiProjectRepository(jdbi);
        this.usage = new JdbiUsageQueries(jdbi);
    }

    /** A new organization with one project. */
    Project givenProject(long id) {
        Organization organization = new Organization(OrganizationId.random(), "Org of " + id, T0);
        organizations.insert(organization);
        Project project = new Project(ProjectId.of(id), organization.id(), "Project " + id, ZoneOffset.UTC, T0);
        projects.insert(project);
        return project;
    }

    JobRepository jobs() {
        return jobs;
    }

    SourceRepository sources() {
        return sources;
    }

    ProjectRepository projects() {
        return projects;
    }

    UsageQueries usage() {
        return usage;
    }

    @Override
    public void close() {
        pool.close(true);
        fixture.close();
    }
}
