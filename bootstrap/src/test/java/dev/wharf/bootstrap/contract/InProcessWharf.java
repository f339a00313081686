package dev.wharf.bootstrap.contract;

import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.adapters.out.jdbi.job.JdbiJobRepository;
import dev.wharf.adapters.out.jdbi.job.JdbiSourceRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.adapters.out.provisioning.postgres.embedded.EmbeddedPostgres;
import dev.wharf.bootstrap.WharfApplication;
import dev.wharf.bootstrap.config.WharfConfiguration;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
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
import dev.wharf.testing.EmbeddedServers;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Wharf started in process for the contract suite: in-memory H2 metadata (or a private PostgreSQL schema, see {@link
 * #METADATA}), the PostgreSQL engine on an embedded PostgreSQL server of its own (a temporary directory, a free port),
 * a fixed dev key, a random key-hashing secret; and direct metadata access to arrange what the API cannot create
 * (projects, users, organizations, keys).
 */
final class InProcessWharf {
    static final String KEY = "phx_apitestkeyapitestkeyapitestkeyapitestkey1";
    /**
     * The overrides live as system properties for the whole run (the app is shared by the JVM's contract tests), so
     * they get their own prefix: with Dropwizard's {@code dw.} they would reach every other application or command a
     * test starts in this JVM.
     */
    static final String PREFIX = "wharfcontract";
    /** {@code -Dwharf.contract.metadata=postgres}: the metadata database is a private PostgreSQL schema, not H2. */
    static final String METADATA = "wharf.contract.metadata";

    private final TestDatabase database;
    /** The key-hashing secret of this Wharf ({@code auth.keySecret}), new for each start. */
    private final String keySecret = randomHex(32);

    private final KeyHashingSecret hashing = KeyHashingSecret.decode(keySecret);
    private final Path dataDir = temporaryDirectory();
    private final EmbeddedPostgres warehouses = EmbeddedServers.start();
    private final AtomicLong nextProject = new AtomicLong(100);
    private final DropwizardAppExtension<WharfConfiguration> app;
    private Jdbi metadata;
    private OrganizationId defaultOrganization;
    private Principals principals;

    /** Keys of callers other than the dev admin, arranged once per JVM. */
    record Principals(String member, String readOnly, String outsider, String limitedToOtherProject) {}

    private InProcessWharf(String metadata) {
        database = "postgres".equals(metadata) ? TestDatabases.postgres() : TestDatabases.h2();
        app = new DropwizardAppExtension<>(
                WharfApplication.class,
                ResourceHelpers.resourceFilePath("api-test.yml"),
                PREFIX,
                ConfigOverride.config(PREFIX, "database.driverClass", driverClass(database)),
                ConfigOverride.config(PREFIX, "database.url", database.jdbcUrl()),
                ConfigOverride.config(PREFIX, "database.user", database.username()),
                ConfigOverride.config(PREFIX, "database.password", database.password()),
                ConfigOverride.config(PREFIX, "auth.keySecret", keySecret),
                ConfigOverride.config(
                        PREFIX, "dev.apiKeyFile", dataDir.resolve("dev-api-key").toString()),
                ConfigOverride.config(PREFIX, "engine.postgres.adminUrl", warehouses.adminJdbcUrl()),
                ConfigOverride.config(PREFIX, "engine.postgres.adminUser", EmbeddedPostgres.ADMIN),
                ConfigOverride.config(PREFIX, "engine.postgres.adminPassword", warehouses.adminPassword()),
                ConfigOverride.config(PREFIX, "engine.postgres.publicPort", Integer.toString(warehouses.port())));
    }

    /** Started on the metadata database {@link #METADATA} names, in-memory H2 by default. */
    static InProcessWharf start() {
        return start(System.getProperty(METADATA, "h2"));
    }

    /** Started on {@code "h2"} (in memory) or {@code "postgres"} (a private schema) metadata. */
    static InProcessWharf start(String metadata) {
        InProcessWharf wharf = new InProcessWharf(metadata);
        try {
            wharf.app.before();
        } catch (Exception e) {
            throw new IllegalStateException("Wharf did not start in process", e);
        }
        SecretLedger.apiKeyIssued(KEY);
        SecretLedger.keySecretConfigured(wharf.keySecret);
        SecretLedger.serverPasswordConfigured(wharf.warehouses.adminPassword());
        wharf.metadata = WharfJdbi.create(wharf.database.dataSource());
        wharf.defaultOrganization = new JdbiProjectRepository(wharf.metadata)
                .findById(ProjectId.of(1))
                .orElseThrow()
                .organizationId();
        return wharf;
    }

    void stop() {
        try {
            SecretLedger.metadataBeforeStop(database.dataSource());
        } finally {
            try {
                app.after();
                database.close();
            } finally {
                warehouses.stop();
            }
        }
    }

    String base() {
        return "http://127.0.0.1:" + app.getLocalPort();
    }

    int warehousePort() {
        return warehouses.port();
    }

    /** The resource classes and instances Jersey serves, as registered by the wiring. */
    Set<Object> registeredResources() {
        Set<Object> all = new java.util.HashSet<>(
                app.getEnvironment().jersey().getResourceConfig().getInstances());
        all.addAll(app.getEnvironment().jersey().getResourceConfig().getClasses());
        return all;
    }

    synchronized Principals principals() {
        if (principals == null) {
            UserId admin = devUser();
            String member = keyFor(
                    user("member@example.com", defaultOrganization, OrganizationRole.MEMBER),
                    Set.of(Scope.ALL),
                    Set.of());
            String readOnly = keyFor(admin, Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());
            String limited = keyFor(admin, Set.of(Scope.ALL), Set.of(project()));
            String outsider = keyFor(
                    user("outsider@example.com", organization("Elsewhere"), OrganizationRole.OWNER),
                    Set.of(Scope.ALL),
                    Set.of());
            principals = new Principals(member, readOnly, outsider, limited);
        }
        return principals;
    }

    UserId devUser() {
        return new JdbiUserRepository(metadata)
                .findByEmail("dev@localhost")
                .orElseThrow()
                .id();
    }

    OrganizationId defaultOrganization() {
        return defaultOrganization;
    }

    ProjectId project() {
        ProjectId id = ProjectId.of(nextProject.getAndIncrement());
        new JdbiProjectRepository(metadata)
                .insert(new Project(id, defaultOrganization, "Project " + id, ZoneOffset.UTC, Instant.now()));
        return id;
    }

    /** A new project of the default organization whose job statistics are bucketed in {@code zone}. */
    ProjectId project(ZoneId zone) {
        ProjectId id = ProjectId.of(nextProject.getAndIncrement());
        new JdbiProjectRepository(metadata)
                .insert(new Project(id, defaultOrganization, "Project " + id, zone, Instant.now()));
        return id;
    }

    /** A new project of {@code organization}, named {@code name}, whose job statistics are bucketed in {@code zone}. */
    ProjectId project(OrganizationId organization, String name, ZoneId zone) {
        ProjectId id = ProjectId.of(nextProject.getAndIncrement());
        new JdbiProjectRepository(metadata).insert(new Project(id, organization, name, zone, Instant.now()));
        return id;
    }

    /** Makes {@code user} a member of {@code organization} with {@code role} (another role when already one). */
    void join(UserId user, OrganizationId organization, OrganizationRole role) {
        new JdbiOrganizationRepository(metadata)
                .saveMembership(new Membership(organization, user, role, Instant.now()));
    }

    /** Revokes the key whose secret is {@code key}. */
    void revoke(String key) {
        new JdbiApiKeyRepository(metadata).revoke(keyId(key), Instant.now());
    }

    /** The job store, to arrange jobs the activity endpoints list. */
    JdbiJobRepository jobs() {
        return new JdbiJobRepository(metadata);
    }

    /** The source store, to arrange the sources imports belong to. */
    JdbiSourceRepository sources() {
        return new JdbiSourceRepository(metadata);
    }

    OrganizationId organization(String name) {
        Organization organization = new Organization(OrganizationId.random(), name, Instant.now());
        new JdbiOrganizationRepository(metadata).insert(organization);
        return organization.id();
    }

    UserId user(String email, OrganizationId organization, OrganizationRole role) {
        User user = new User(UserId.random(), email, Instant.now());
        new JdbiUserRepository(metadata).insert(user);
        new JdbiOrganizationRepository(metadata)
                .saveMembership(new Membership(organization, user.id(), role, Instant.now()));
        return user.id();
    }

    String keyFor(UserId user, Set<Scope> scopes, Set<ProjectId> projects) {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        new JdbiApiKeyRepository(metadata)
                .insert(ApiKey.issue(
                        ApiKeyId.random(), user, "contract", secret, hashing, scopes, projects, Instant.now()));
        SecretLedger.apiKeyIssued(secret.reveal());
        return secret.reveal();
    }

    /** The id of the key whose secret is {@code key}: what the audit log names instead of the key. */
    ApiKeyId keyId(String key) {
        return new JdbiApiKeyRepository(metadata)
                .findBySecretDigest(digestOf(key))
                .orElseThrow()
                .id();
    }

    /** What this Wharf stores for {@code key}: its HMAC-SHA256 under the configured key-hashing secret. */
    String digestOf(String key) {
        return ApiKeySecret.parse(key).digest(hashing);
    }

    private static String driverClass(TestDatabase database) {
        return database.engine().equals("postgres") ? "org.postgresql.Driver" : "org.h2.Driver";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("wharf-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
