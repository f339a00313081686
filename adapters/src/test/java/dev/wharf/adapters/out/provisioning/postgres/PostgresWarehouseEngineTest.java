package dev.wharf.adapters.out.provisioning.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresWarehouseEngineTest {
    private static final WarehouseTag TAG = new WarehouseTag("test warehouse");

    private final SecureRandomPasswordGenerator passwords = new SecureRandomPasswordGenerator();
    private PostgresEngineFixture fixture;
    private PostgresWarehouseEngine engine;

    @BeforeEach
    void start() {
        fixture = new PostgresEngineFixture();
        engine = fixture.engine;
    }

    @AfterEach
    void cleanUp() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private DatabaseName provisioned(String prefix) {
        DatabaseName name = unique(prefix);
        assertThat(engine.provision(name, TAG)).isEqualTo(EngineProgress.done());
        return name;
    }

    private DatabaseName unique(String prefix) {
        DatabaseName name =
                new DatabaseName(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        fixture.track(name);
        return name;
    }

    private String role(DatabaseName name) {
        return engine.loginFor(name).value();
    }

    @Test
    void aWarehouseWhoseDatabaseOrLoginIsGoneHasAProblemSayingSo() {
        DatabaseName name = provisioned("checked");
        assertThat(engine.problemWith(name, TAG)).isEmpty();

        fixture.adminExecute("DROP DATABASE \"" + name + "\" WITH (FORCE)");
        assertThat(engine.problemWith(name, TAG))
                .contains("The warehouse's database " + name + " no longer exists on the postgres engine");

        fixture.adminExecute("DROP ROLE \"" + role(name) + "\"");
        assertThat(engine.problemWith(name, TAG))
                .contains("The warehouse's login " + role(name) + " no longer exists on the postgres engine");
        assertThat(engine.deprovision(name, TAG))
                .as("deprovision still completes")
                .isEqualTo(EngineProgress.done());
    }

    @Test
    void aDatabaseGivenToAnotherLoginIsNoLongerTheWarehouses() {
        DatabaseName name = provisioned("given");
        DatabaseName other = provisioned("other");

        fixture.adminExecute("ALTER DATABASE \"" + name + "\" OWNER TO \"" + role(other) + "\"");

        assertThat(engine.problemWith(name, TAG))
                .hasValueSatisfying(problem ->
                        assertThat(problem).contains("no longer belongs to the warehouse's login " + role(name)));
    }

    @Test
    void aChosenSchemaIsOwnedByTheLoginAndIsWhereItsTablesGo() throws SQLException {
        DatabaseName name = unique("schema");
        Optional<SchemaName> sales = Optional.of(new SchemaName("sales"));
        assertThat(engine.provision(name, TAG, sales)).isEqualTo(EngineProgress.done());
        assertThat(engine.provision(name, TAG, sales)).as("again: idempotent").isEqualTo(EngineProgress.done());
        Password password = passwords.generate();
        engine.setPassword(name, TAG, password);

        try (Connection session = fixture.login(name, role(name), password.reveal());
                Statement statement = session.createStatement()) {
            statement.execute("CREATE TABLE orders (id int)");
            try (ResultSet rows = statement.executeQuery("SELECT current_schema(), n.nspname, r.rolname"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_roles r ON r.oid = n.nspowner WHERE c.relname = 'orders'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("search_path").isEqualTo("sales");
                assertThat(rows.getString(2))
                        .as("where an unqualified table goes")
                        .isEqualTo("sales");
                assertThat(rows.getString(3)).as("the schema's owner").isEqualTo(role(name));
            }
        }
    }

    @Test
    void withoutAChosenSchemaTheLoginKeepsTheServersSearchPath() throws SQLException {
        DatabaseName name = provisioned("noschema");
        Password password = passwords.generate();
        engine.setPassword(name, TAG, password);

        try (Connection session = fixture.login(name, role(name), password.reveal());
                Statement statement = session.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("public");
        }
    }

    @Test
    void passwordsAreStoredAsScramVerifiers() {
        DatabaseName name = provisioned("scram");
        assertThat(fixture.adminQuery("SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = '" + role(name) + "'"))
                .as("no password before the first reset")
                .isEqualTo("t");

        engine.setPassword(name, TAG, passwords.generate());

        assertThat(fixture.adminQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + role(name) + "'"))
                .startsWith("SCRAM-SHA-256$");
    }

    @Test
    void aSecondWarehousesLoginIsRefusedConnectOnTheFirstDatabase() {
        DatabaseName first = provisioned("first");
        DatabaseName second = provisioned("second");
        Password password = passwords.generate();
        engine.setPassword(second, TAG, password);

        assertThatThrownBy(() ->
                        fixture.login(first, role(second), password.reveal()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
        assertThat(fixture.adminQuery("SELECT has_database_privilege('public', '" + first.value() + "', 'CONNECT')"))
                .isEqualTo("f");
    }

    @Test
    void aResetEndsTheOpenSessionsOfTheLogin() throws SQLException {
        DatabaseName name = provisioned("sessions");
        Password first = passwords.generate();
        engine.setPassword(name, TAG, first);
        try (Connection session = fixture.login(name, role(name), first.reveal())) {
            assertThat(session.isValid(2)).isTrue();

            engine.setPassword(name, TAG, passwords.generate());

            assertThatThrownBy(() -> {
                        try (Statement statement = session.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                    })
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void everyLoginJoinsTheConfiguredGroupSoPgHbaCanRequireItsPassword() {
        DatabaseName name = new DatabaseName("grouped-" + Long.toHexString(System.nanoTime()));
        fixture.track(name);

        engine.provision(name, TAG);
        engine.provision(name, TAG);

        assertThat(fixture.adminQuery("SELECT count(*) FROM pg_auth_members m"
                        + " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member"
                        + " WHERE g.rolname = '" + PostgresEngineFixture.SCRAM_GROUP + "' AND r.rolname = '"
                        + engine.loginFor(name).value() + "'"))
                .isEqualTo("1");
    }

    @Test
    void pingAnswersWhenTheServerDoesAndReportsItUnreachableWhenNot() {
        fixture.engine.ping();
        PostgresWarehouseEngine refused = new PostgresWarehouseEngine(
                fixture.settings("jdbc:postgresql://127.0.0.1:1/test", Duration.ofSeconds(5)));

        BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, refused::ping);

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
    }

    @Test
    void anAdminRoleThatCanNoLongerCreateLoginsAndDatabasesIsUnhealthy() {
        String weak = "wharf_weak_admin_" + Long.toHexString(System.nanoTime());
        fixture.adminExecute("CREATE ROLE " + weak + " LOGIN CREATEDB PASSWORD 'weak-admin-pw'");
        try {
            PostgresEngineSettings s = fixture.settings(fixture.adminUrl, Duration.ofSeconds(5));
            PostgresWarehouseEngine weakEngine =
                    new PostgresWarehouseEngine(asAdmin(s, weak, "weak-admin-pw", s.limits()));

            BackendUnavailableException e = catchThrowableOfType(BackendUnavailableException.class, weakEngine::ping);

            assertThat(e.getMessage())
                    .isEqualTo("the postgres engine's admin role " + weak
                            + " can no longer create logins and databases (it needs CREATEROLE and CREATEDB)");
        } finally {
            fixture.adminExecute("DROP ROLE " + weak);
        }
    }

    @Test
    void anUnreachableServerIsReportedQuicklyAndWithoutSecrets() {
        PostgresWarehouseEngine refused = new PostgresWarehouseEngine(
                withPassword(fixture.settings("jdbc:postgresql://127.0.0.1:1/test", Duration.ofSeconds(5))));
        long start = System.nanoTime();

        BackendUnavailableException e = catchThrowableOfType(
                BackendUnavailableException.class, () -> refused.provision(new DatabaseName("unreachable"), TAG));

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(e.getMessage()).doesNotContain("admin-secret").doesNotContain("127.0.0.1");
    }

    @Test
    void anUnknownHostIsUnreachable() {
        PostgresWarehouseEngine unknown = new PostgresWarehouseEngine(
                fixture.settings("jdbc:postgresql://no-such-host.invalid:5432/test", Duration.ofSeconds(5)));

        assertThat(catchThrowableOfType(
                                BackendUnavailableException.class,
                                () -> unknown.setPassword(new DatabaseName("unknown"), TAG, passwords.generate()))
                        .reason())
                .isEqualTo(Reason.UNREACHABLE);
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsATimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            PostgresWarehouseEngine stuck = new PostgresWarehouseEngine(fixture.settings(
                    "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/test", Duration.ofMillis(500)));
            long start = System.nanoTime();

            BackendUnavailableException e = catchThrowableOfType(
                    BackendUnavailableException.class, () -> stuck.provision(new DatabaseName("silent"), TAG));

            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aStatementThatWaitsLongerThanTheStatementTimeoutIsATimeout() throws SQLException {
        DatabaseName name = unique("locked");
        PostgresWarehouseEngine impatient =
                new PostgresWarehouseEngine(fixture.settings(fixture.adminUrl, Duration.ofMillis(300)));
        try (Connection other = fixture.admin()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                // The same role, created and not yet committed: the engine's CREATE ROLE waits for this transaction.
                lock.execute("CREATE ROLE " + Sql.identifier(role(name)));
            }

            BackendUnavailableException e =
                    catchThrowableOfType(BackendUnavailableException.class, () -> impatient.provision(name, TAG));

            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            other.rollback();
        }
        assertThat(engine.provision(name, TAG)).as("a retry finishes").isEqualTo(EngineProgress.done());
    }

    @Test
    void theLongestAndMostHyphenatedNamesWork() {
        DatabaseName longest = new DatabaseName("a" + "-".repeat(61) + "b");
        DatabaseName longPlain = new DatabaseName(
                "z" + UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, 62));
        fixture.track(longest);
        fixture.track(longPlain);

        assertThat(engine.provision(longest, TAG)).isEqualTo(EngineProgress.done());
        assertThat(engine.provision(longPlain, TAG)).isEqualTo(EngineProgress.done());
        engine.setPassword(longest, TAG, passwords.generate());

        assertThat(role(longest)).hasSize(63).isNotEqualTo(role(longPlain));
        assertThat(fixture.adminQuery(
                        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + longest.value() + "'"))
                .isEqualTo(role(longest));
        assertThat(engine.deprovision(longest, TAG)).isEqualTo(EngineProgress.done());
        assertThat(fixture.adminQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + role(longest) + "'"))
                .isEqualTo("0");
    }

    @Test
    void aProvisionInterruptedAfterTheRoleIsFinished() {
        DatabaseName name = unique("interrupted");
        fixture.adminExecute("CREATE ROLE " + Sql.identifier(role(name)) + " NOLOGIN");
        fixture.adminExecute("COMMENT ON ROLE " + Sql.identifier(role(name)) + " IS " + Sql.literal(TAG.value()));

        assertThat(engine.provision(name, TAG)).isEqualTo(EngineProgress.done());

        assertThat(fixture.adminQuery(
                        "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + name.value() + "'"))
                .isEqualTo(role(name));
        assertThat(fixture.adminQuery("SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + role(name) + "'"))
                .isEqualTo("t");
    }

    @Test
    void aProvisionInterruptedBetweenTheDatabaseAndItsTagIsFinished() {
        DatabaseName name = unique("untagged");
        fixture.adminExecute("CREATE ROLE " + Sql.identifier(role(name)) + " NOLOGIN");
        fixture.adminExecute("COMMENT ON ROLE " + Sql.identifier(role(name)) + " IS " + Sql.literal(TAG.value()));
        fixture.adminExecute(
                "CREATE DATABASE " + Sql.identifier(name.value()) + " OWNER " + Sql.identifier(role(name)));

        assertThat(engine.provision(name, TAG)).isEqualTo(EngineProgress.done());

        assertThat(fixture.adminQuery("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '"
                        + name.value() + "'"))
                .isEqualTo(TAG.value());
    }

    @Test
    void leftoversOfAnotherWarehouseUnderTheSameNameAreNeverAdopted() {
        DatabaseName name = unique("leftover");
        WarehouseTag earlier = new WarehouseTag("wharf warehouse of project 7 created 2026-01-01T00:00:00Z");
        assertThat(engine.provision(name, earlier)).isEqualTo(EngineProgress.done());
        Password earlierPassword = passwords.generate();
        engine.setPassword(name, TAG, earlierPassword);
        fixture.adminExecute(
                "ALTER ROLE " + Sql.identifier(role(name)) + " RENAME TO " + Sql.identifier(role(name) + "_moved"));

        EngineProgress database = engine.provision(name, TAG);
        assertThat(database.outcome()).isEqualTo(EngineProgress.Outcome.FAILED);
        assertThat(database.message()).contains("a database named " + name + " already exists");
        assertThat(engine.deprovision(name, TAG)).isEqualTo(EngineProgress.done());
        assertThat(fixture.adminQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name.value() + "'"))
                .as("another warehouse's database outlives this warehouse's deprovision")
                .isEqualTo("1");

        fixture.adminExecute(
                "ALTER ROLE " + Sql.identifier(role(name) + "_moved") + " RENAME TO " + Sql.identifier(role(name)));
        fixture.adminExecute("ALTER DATABASE " + Sql.identifier(name.value()) + " RENAME TO "
                + Sql.identifier(name.value() + "-moved"));
        EngineProgress login = engine.provision(name, TAG);
        assertThat(login.outcome()).isEqualTo(EngineProgress.Outcome.FAILED);
        assertThat(login.message()).contains("a login named " + role(name) + " already exists");
        assertThat(fixture.canLogIn(new DatabaseName(name.value() + "-moved"), role(name), earlierPassword.reveal()))
                .as("the earlier warehouse's login is untouched")
                .isTrue();
        fixture.adminExecute("DROP DATABASE " + Sql.identifier(name.value() + "-moved") + " WITH (FORCE)");
    }

    @Test
    void aLoginMadeByHandIsNeverAdopted() {
        DatabaseName name = unique("byhand");
        fixture.track(name);
        fixture.adminExecute("CREATE ROLE " + Sql.identifier(role(name)) + " LOGIN PASSWORD 'chosen-by-hand'");

        EngineProgress progress = engine.provision(name, TAG);

        assertThat(progress.outcome()).isEqualTo(EngineProgress.Outcome.FAILED);
        assertThat(progress.message()).contains("was not created for this warehouse");
        assertThat(fixture.adminQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name.value() + "'"))
                .isEqualTo("0");
    }

    @Test
    void aDatabaseThatWasNotMadeForTheWarehouseIsLeftAlone() {
        DatabaseName existing = new DatabaseName("postgres");

        EngineProgress provision = engine.provision(existing, TAG);
        assertThat(provision.outcome()).isEqualTo(EngineProgress.Outcome.FAILED);
        assertThat(provision.message())
                .contains("a database named postgres already exists")
                .contains("not created for this warehouse");
        assertThat(engine.deprovision(existing, TAG))
                .as("deprovision completes, and leaves what is not this warehouse's")
                .isEqualTo(EngineProgress.done());
        assertThat(fixture.adminQuery("SELECT count(*) FROM pg_database WHERE datname = 'postgres'"))
                .isEqualTo("1");
        assertThat(fixture.adminQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + role(existing) + "'"))
                .as("no login was created for it")
                .isEqualTo("0");
    }

    @Test
    void thePasswordNeverAppearsInAnError() {
        DatabaseName name = provisioned("dropped");
        assertThat(engine.deprovision(name, TAG)).isEqualTo(EngineProgress.done());
        Password password = passwords.generate();

        Throwable missing =
                catchThrowableOfType(NotFoundException.class, () -> engine.setPassword(name, TAG, password));
        PostgresWarehouseEngine refused = new PostgresWarehouseEngine(
                fixture.settings("jdbc:postgresql://127.0.0.1:1/test", Duration.ofSeconds(5)));
        Throwable unreachable =
                catchThrowableOfType(BackendUnavailableException.class, () -> refused.setPassword(name, TAG, password));

        for (Throwable error : new Throwable[] {missing, unreachable}) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                        .doesNotContain(password.reveal())
                        .doesNotContain("SCRAM-SHA-256")
                        .doesNotContain("ALTER ROLE");
            }
        }
    }

    @Test
    void anAdminWithOnlyCreatedbAndCreateroleIsEnough() {
        String admin = "wharf_test_admin_" + UUID.randomUUID().toString().substring(0, 8);
        Password adminPassword = passwords.generate();
        fixture.adminExecute("CREATE ROLE " + Sql.identifier(admin) + " LOGIN CREATEDB CREATEROLE PASSWORD "
                + Sql.literal(adminPassword.reveal()));
        try {
            PostgresEngineSettings s = fixture.settings(fixture.adminUrl, Duration.ofSeconds(30));
            PostgresWarehouseEngine limited = new PostgresWarehouseEngine(
                    asAdmin(s, admin, adminPassword.reveal(), withoutTempFileLimit(s.limits())));
            DatabaseName name = unique("limited");
            Password password = passwords.generate();

            assertThat(limited.provision(name, TAG)).isEqualTo(EngineProgress.done());
            limited.setPassword(name, TAG, password);
            assertThat(fixture.canLogIn(name, role(name), password.reveal())).isTrue();
            assertThat(limited.deprovision(name, TAG)).isEqualTo(EngineProgress.done());
            assertThat(fixture.adminQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name.value() + "'"))
                    .isEqualTo("0");
        } finally {
            fixture.adminExecute("DROP ROLE IF EXISTS " + Sql.identifier(admin));
        }
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertThat(withPassword(fixture.settings(fixture.adminUrl, Duration.ofSeconds(1)))
                        .toString())
                .doesNotContain("admin-secret")
                .contains("redacted");
    }

    private static PostgresEngineSettings withPassword(PostgresEngineSettings s) {
        return asAdmin(s, s.adminUser(), "admin-secret", s.limits());
    }

    /** {@code s} with another admin role and password, and {@code limits}. */
    private static PostgresEngineSettings asAdmin(
            PostgresEngineSettings s, String user, String password, LoginLimits limits) {
        return new PostgresEngineSettings(
                s.adminJdbcUrl(),
                user,
                password,
                s.publicHost(),
                s.publicPort(),
                s.connectTimeout(),
                s.statementTimeout(),
                s.rolePrefix(),
                s.loginGroup(),
                s.sslMode(),
                limits);
    }

    static LoginLimits withoutTempFileLimit(LoginLimits limits) {
        return new LoginLimits(
                limits.connectionLimit(),
                limits.statementTimeout(),
                limits.idleInTransactionTimeout(),
                limits.workMemKilobytes(),
                null);
    }
}
