package dev.wharf.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.FlywayMigrations;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.usage.JdbiUsageQueries;
import dev.wharf.application.port.out.usage.UsageQueries.PeriodRows;
import dev.wharf.application.service.auth.ApiKeyAuthenticationService;
import dev.wharf.bootstrap.CommandLine;
import dev.wharf.bootstrap.CommandLine.Run;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.testing.TestDatabase;
import dev.wharf.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data generator as the jar runs it, on H2 and on PostgreSQL: what it loads, that the per-period sums it leaves
 * are the sums of the jobs it stored, and that the key it prints reads them.
 */
class GenerateCommandTest {
    private static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");
    private static final Pattern PROJECTS = Pattern.compile("Projects: ([0-9,]+)");
    private static final Pattern KEY = Pattern.compile("API key: (phx_\\S+)");
    private static final String KEY_SECRET = "a7d3f9c1e5b8024f6d1a3c9e7b5f20d8c4e6a1b3f9d7c5e2a0b8f6d4c2e1a9b7";

    abstract static class Contract {
        @TempDir
        Path directory;

        private TestDatabase database;
        private Jdbi jdbi;
        private String config;

        abstract TestDatabase createDatabase();

        @BeforeEach
        void setUp() throws IOException {
            database = createDatabase();
            new FlywayMigrations(database.dataSource()).migrate();
            jdbi = WharfJdbi.create(database.dataSource());
            Path file = directory.resolve("wharf.yml");
            Files.writeString(file, """
                    migrateOnStart: false
                    database:
                      driverClass: %s
                      url: "%s"
                      user: "%s"
                      password: "%s"
                    billing:
                      type: local
                      anchor: "%s"
                      interval: month
                    auth:
                      keySecret: %s
                    logging:
                      level: WARN
                    """.formatted(
                            "h2".equals(database.engine()) ? "org.h2.Driver" : "org.postgresql.Driver",
                            database.jdbcUrl(),
                            database.username(),
                            database.password(),
                            ANCHOR,
                            KEY_SECRET));
            config = file.toString();
        }

        @AfterEach
        void tearDown() {
            database.close();
        }

        Run wharf(String... args) throws Exception {
            return wharfWith(config, args);
        }

        Run wharfWith(String configFile, String... args) throws Exception {
            return CommandLine.run(
                    (bootstrap, out) -> bootstrap.addCommand(new GenerateCommand(out)), configFile, args);
        }

        @Test
        void loadsTheJobsWithSumsThatAddUpAndAKeyThatReadsThem() throws Exception {
            Run run = wharf("generate", "--projects", "2", "--sources", "7", "--jobs", "12345", "--running", "3");

            assertThat(run.failed()).as(run.err()).isFalse();
            List<ProjectId> projects = Arrays.stream(group(PROJECTS, run.out()).split(","))
                    .map(id -> ProjectId.of(Long.parseLong(id)))
                    .toList();
            assertThat(projects).hasSize(2);
            assertThat(run.out()).contains("2 projects, 14 sources, 24696 jobs");
            ApiKeySecret key = ApiKeySecret.parse(group(KEY, run.out()));
            assertThat(new ApiKeyAuthenticationService(
                                    new JdbiApiKeyRepository(jdbi), KeyHashingSecret.decode(KEY_SECRET))
                            .authenticate(key.reveal()))
                    .isPresent();

            BillingPeriod current = BillingPeriod.current(ANCHOR, BillingInterval.MONTH, Clock.systemUTC());
            BillingPeriod earlier = BillingPeriod.containing(
                    ANCHOR, BillingInterval.MONTH, current.start().minusSeconds(86_400 * 40));
            for (ProjectId project : projects) {
                assertThat(jobs(project, "1 = 1")).isEqualTo(12_348);
                assertThat(jobs(project, "status = 'Running'")).isEqualTo(3);
                for (BillingPeriod period : List.of(current, earlier)) {
                    PeriodRows rows = new JdbiUsageQueries(jdbi).rowsInPeriod(project, period);
                    assertThat(rows.billableRows())
                            .isEqualTo(
                                    sum(project, period, "kind = 'import' AND billable" + " AND status <> 'Failed'"));
                    assertThat(rows.billableRows()).isPositive();
                    assertThat(rows.materializedRows()).isEqualTo(sum(project, period, "kind = 'model'"));
                    assertThat(rows.bySource()).hasSize(7);
                }
            }
        }

        @Test
        void aWrongCountIsOneLineAndNothingIsLoaded() throws Exception {
            Run run = wharf("generate", "--jobs", "-1");

            assertThat(run.failed()).isTrue();
            assertThat(run.err()).contains("wharf: jobs must be at least 0").doesNotContain("Exception");
            long projects = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM project")
                    .mapTo(Long.class)
                    .one());
            assertThat(projects).isZero();
        }

        @Test
        void withoutTheKeySecretItIsOneLineAndNothingIsLoaded() throws Exception {
            Path withoutSecret = directory.resolve("no-key-secret.yml");
            Files.writeString(
                    withoutSecret,
                    Files.readString(Path.of(config)).replace("auth:\n  keySecret: " + KEY_SECRET + "\n", ""));

            Run run = wharfWith(withoutSecret.toString(), "generate", "--jobs", "10");

            assertThat(run.failed()).isTrue();
            assertThat(run.err()).startsWith("wharf: auth.keySecret is not set").hasLineCount(1);
            assertThat(run.out()).doesNotContain("phx_");
            long projects = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM project")
                    .mapTo(Long.class)
                    .one());
            assertThat(projects).isZero();
        }

        private long jobs(ProjectId project, String condition) {
            return jdbi.withHandle(
                    h -> h.createQuery("SELECT COUNT(*) FROM warehouse_job WHERE project_id = :p AND " + condition)
                            .bind("p", project.value())
                            .mapTo(Long.class)
                            .one());
        }

        private long sum(ProjectId project, BillingPeriod period, String condition) {
            return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(rows_count), 0) FROM warehouse_job"
                            + " WHERE project_id = :p AND created_at >= :s AND created_at < :e AND " + condition)
                    .bind("p", project.value())
                    .bind("s", period.start())
                    .bind("e", period.end())
                    .mapTo(Long.class)
                    .one());
        }

        private static String group(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
            return matcher.group(1);
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        TestDatabase createDatabase() {
            return TestDatabases.postgres();
        }
    }
}
