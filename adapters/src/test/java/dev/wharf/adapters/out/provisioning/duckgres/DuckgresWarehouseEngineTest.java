package dev.wharf.adapters.out.provisioning.duckgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.application.port.out.warehouse.EngineProgress;
import dev.wharf.application.port.out.warehouse.WarehouseConnection;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DuckgresWarehouseEngineTest {
    private static final WarehouseTag TAG = WarehouseTag.of(ProjectId.of(7), Instant.parse("2026-12-02T10:15:30Z"));
    private static final WarehouseTag OTHER = WarehouseTag.of(ProjectId.of(8), Instant.parse("2026-12-02T10:15:30Z"));

    private static final String SECRET = "s3cret-internal";
    private static final DatabaseName SALES = new DatabaseName("sales-wh");
    private static final Password P1 = new Password("first-Secret-1");

    private FakeDuckgres duckgres;
    private DuckgresWarehouseEngine engine;

    @BeforeEach
    void start() {
        duckgres = new FakeDuckgres(SECRET, false);
        engine = engine(duckgres.baseUrl(), SECRET, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        duckgres.close();
    }

    @Test
    void provisionWalksDuckgresStateMachineToDone() {
        assertThat(engine.provision(SALES, TAG)).isEqualTo(EngineProgress.inProgress("Provisioning requested"));
        assertThat(duckgres.state("sales-wh")).isEqualTo("pending");
        assertThat(engine.provision(SALES, TAG))
                .isEqualTo(EngineProgress.inProgress("Waiting for provisioning to start"));

        duckgres.tick();
        assertThat(engine.provision(SALES, TAG)).isEqualTo(EngineProgress.inProgress("Provisioning in progress..."));

        duckgres.tick();
        assertThat(engine.provision(SALES, TAG)).isEqualTo(EngineProgress.done());
        assertThat(engine.loginFor(SALES).value()).isEqualTo("root");
    }

    @Test
    void provisionSendsTheNameTheProjectAsTeamDucklakeAndTheDefaultStores() {
        engine.provision(SALES, TAG);

        JsonNode body = duckgres.lastProvisionBody();
        assertThat(body.get("database_name").asText()).isEqualTo("sales-wh");
        assertThat(body.get("team_id").isIntegralNumber()).isTrue();
        assertThat(body.get("team_id").asLong()).isEqualTo(7);
        assertThat(body.get("ducklake").toString()).isEqualTo("{\"enabled\":true}");
        assertThat(body.get("metadata_store").toString()).isEqualTo("{\"type\":\"cnpg-shard\"}");
        assertThat(body.has("data_store")).as("duckgres names its own bucket").isFalse();
        assertThat(body.has("schema_name"))
                .as("none chosen: duckgres' default team_<id>")
                .isFalse();
    }

    @Test
    void aChosenSchemaIsSentAndTakenByDuckgres() {
        assertThat(engine.provision(SALES, TAG, Optional.of(new SchemaName("sales_eu"))))
                .isEqualTo(EngineProgress.inProgress("Provisioning requested"));

        assertThat(duckgres.lastProvisionBody().get("schema_name").asText()).isEqualTo("sales_eu");
        assertThat(duckgres.state("sales-wh")).isEqualTo("pending");
    }

    @Test
    void theStoresComeFromConfiguration() {
        Map<String, Object> metadata = Map.of(
                "type", "external", "external", Map.of("endpoint", "pg.example:5432", "password_aws_secret", "arn:x"));
        Map<String, Object> data = Map.of("type", "s3", "bucket", "our-bucket");
        DuckgresWarehouseEngine configured =
                new DuckgresWarehouseEngine(settings(duckgres.baseUrl(), "", metadata, data));

        assertThat(configured.provision(SALES, TAG).outcome()).isEqualTo(EngineProgress.Outcome.IN_PROGRESS);

        JsonNode body = duckgres.lastProvisionBody();
        assertThat(body.at("/metadata_store/external/endpoint").asText()).isEqualTo("pg.example:5432");
        assertThat(body.at("/data_store/bucket").asText()).isEqualTo("our-bucket");
    }

    @Test
    void theOrgIdIsACanonicalUuidOfTheTagNotOfTheName() {
        String org = engine.orgFor(TAG);

        assertThat(org).matches(FakeProvisionRequest.UUID).isEqualTo(engine.orgFor(TAG));
        assertThat(engine.orgFor(OTHER)).isNotEqualTo(org);
        DuckgresWarehouseEngine otherInstall =
                new DuckgresWarehouseEngine(settings(duckgres.baseUrl(), "other-wharf", null, null));
        assertThat(otherInstall.orgFor(TAG)).isNotEqualTo(org);

        engine.provision(SALES, TAG);
        assertThat(duckgres.orgOf("sales-wh")).contains(org);
    }

    @Test
    void aReadyWarehouseHasNoProblemAndOneDuckgresNoLongerHasOrDeletesHasOne() {
        ready(SALES);
        assertThat(engine.problemWith(SALES, TAG)).isEmpty();
        assertThat(engine.problemWith(new DatabaseName("never-made"), OTHER))
                .contains("The warehouse never-made no longer exists on duckgres");

        engine.deprovision(SALES, TAG);
        assertThat(engine.problemWith(SALES, TAG))
                .hasValueSatisfying(
                        problem -> assertThat(problem).startsWith("duckgres reports the warehouse deleting: "));
    }

    @Test
    void theOneTimePasswordFromProvisionIsDiscardedAndAResetHandsOutDuckgresOwn() {
        ready(SALES);
        assertThat(duckgres.login("sales-wh", "root", "")).isFalse();

        Password inForce = engine.setPassword(SALES, TAG, P1);

        assertThat(inForce.reveal()).isNotEqualTo(P1.reveal()).matches("[A-Za-z0-9_-]{43}");
        assertThat(duckgres.login("sales-wh", "root", inForce.reveal())).isTrue();
        Password next = engine.setPassword(SALES, TAG, P1);
        assertThat(duckgres.login("sales-wh", "root", inForce.reveal()))
                .as("the old password")
                .isFalse();
        assertThat(duckgres.login("sales-wh", "root", next.reveal())).isTrue();
    }

    @Test
    void aWrongOrMissingSecretIsDuckgresRefusingWharfsCredentialsNotAnOutage() {
        DuckgresWarehouseEngine wrong = engine(duckgres.baseUrl(), "not-the-secret", Duration.ofSeconds(5));
        DuckgresWarehouseEngine none = engine(duckgres.baseUrl(), null, Duration.ofSeconds(5));

        for (Runnable call :
                new Runnable[] {() -> wrong.provision(SALES, TAG), () -> none.ping(), () -> wrong.isNameTaken(SALES)}) {
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(
                            BackendUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REFUSED))
                    .hasMessageContaining("duckgres refused Wharf's credentials (401 to ");
        }
    }

    @Test
    void aSecretWithoutTheAdminRoleIsRefusedItsMutations() {
        duckgres.nonAdminSecret("member-secret");
        DuckgresWarehouseEngine member = engine(duckgres.baseUrl(), "member-secret", Duration.ofSeconds(5));

        assertThatThrownBy(() -> member.provision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REFUSED))
                .hasMessageContaining("duckgres refused Wharf's credentials (403 to POST /orgs/");
    }

    @Test
    void aSlowDuckgresIsATimeoutWithinTheConfiguredTime() {
        DuckgresWarehouseEngine impatient = engine(duckgres.baseUrl(), SECRET, Duration.ofMillis(300));
        duckgres.slow(Duration.ofSeconds(3));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.provision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThatThrownBy(() -> impatient.isNameTaken(SALES))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aStoppedDuckgresIsUnreachable() {
        duckgres.close();

        assertThatThrownBy(() -> engine.deprovision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessageContaining("is unreachable");
    }

    @Test
    void anUnknownHostIsUnreachable() {
        DuckgresWarehouseEngine nowhere =
                engine(URI.create("http://duckgres.invalid:8080"), SECRET, Duration.ofSeconds(5));

        assertThatThrownBy(() -> nowhere.provision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }

    @Test
    void resetRefusalsReachTheCallerWithDuckgresMessages() {
        assertThatThrownBy(() -> engine.setPassword(SALES, TAG, P1))
                .isInstanceOf(NotFoundException.class)
                .hasMessage(FakeDuckgres.NOT_FOUND);

        engine.provision(SALES, TAG);
        assertThatThrownBy(() -> engine.setPassword(SALES, TAG, P1))
                .isInstanceOf(ConflictException.class)
                .hasMessage(FakeDuckgres.NOT_READY);
    }

    @Test
    void aProvisionDuckgresWillAlwaysRefuseEndsFailedWithItsMessage() {
        DuckgresWarehouseEngine otherInstall =
                new DuckgresWarehouseEngine(settings(duckgres.baseUrl(), "other-wharf", null, null));
        engine.provision(SALES, TAG);

        assertThat(otherInstall.provision(SALES, TAG))
                .isEqualTo(EngineProgress.failed(
                        "duckgres refused the warehouse: database name sales-wh is already" + " in use"));
        assertThat(engine.provision(new DatabaseName("no-team"), new WarehouseTag("a tag that names no project")))
                .isEqualTo(
                        EngineProgress.failed("duckgres refused the warehouse: " + FakeProvisionRequest.TEAM_REQUIRED));
    }

    @Test
    void aBadRequestElsewhereIsARuleViolationAndAServerErrorAGatewayErrorWithTheBodyCut() {
        duckgres.answerNextWith(400, "bad name");
        assertThatThrownBy(() -> engine.problemWith(SALES, TAG))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("bad name");

        duckgres.answerNextWith(500, "x".repeat(2000));
        assertThatThrownBy(() -> engine.provision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessageStartingWith(
                        "duckgres answered 500 to GET /orgs/" + engine.orgFor(TAG) + "/warehouse/status: ")
                .hasMessageEndingWith(": " + "x".repeat(500));
    }

    @Test
    void aFailedProvisioningIsFailedWithDuckgresMessage() {
        duckgres.failProvisioning("quota exceeded");
        engine.provision(SALES, TAG);
        duckgres.tick();
        duckgres.tick();

        assertThat(engine.provision(SALES, TAG)).isEqualTo(EngineProgress.failed("Crossplane error: quota exceeded"));
    }

    @Test
    void deprovisionWaitsForPendingDeletesRemovesTheOrgAndFreesTheName() {
        engine.provision(SALES, TAG);
        assertThat(engine.deprovision(SALES, TAG))
                .isEqualTo(EngineProgress.inProgress("waiting for provisioning to start"));

        duckgres.tick();
        assertThat(engine.deprovision(SALES, TAG)).isEqualTo(EngineProgress.inProgress("Deprovisioning requested"));
        assertThat(engine.deprovision(SALES, TAG)).isEqualTo(EngineProgress.inProgress("Deprovisioning..."));
        duckgres.tick();
        assertThat(engine.isNameTaken(SALES))
                .as("deleted, its org row still holds the name")
                .contains(true);
        assertThat(engine.deprovision(SALES, TAG)).isEqualTo(EngineProgress.done());
        assertThat(duckgres.received()).contains("DELETE /api/v1/orgs/" + engine.orgFor(TAG));
        assertThat(duckgres.orgOf("sales-wh")).isEmpty();
        assertThat(engine.isNameTaken(SALES)).contains(false);

        assertThat(engine.deprovision(SALES, TAG)).isEqualTo(EngineProgress.done());
        assertThat(engine.deprovision(new DatabaseName("never-made"), OTHER)).isEqualTo(EngineProgress.done());
        assertThat(engine.provision(SALES, OTHER)).isEqualTo(EngineProgress.inProgress("Provisioning requested"));
    }

    @Test
    void theClientKeepsNoPasswordAndNoErrorShowsIt() throws Exception {
        assertThatThrownBy(() -> engine.setPassword(SALES, TAG, P1))
                .satisfies(e -> assertThat(messages(e)).doesNotContain(P1.reveal()));
        ready(SALES);
        Password handedOut = engine.setPassword(SALES, TAG, P1);

        assertThat(reachableValues(engine))
                .noneMatch(v -> v instanceof Password)
                .noneMatch(v -> v instanceof String s && (s.contains(P1.reveal()) || s.contains(handedOut.reveal())));
    }

    @Test
    void connectionPresentsDucklakeThePublicHostSuffixAndWhatDuckgresReports() {
        WarehouseConnection before = engine.connection(SALES, TAG);
        assertThat(before)
                .isEqualTo(new WarehouseConnection(
                        "sales-wh.dw.test",
                        5432,
                        "ducklake",
                        "root",
                        "jdbc:postgresql://sales-wh.dw.test:5432/ducklake?sslmode=prefer",
                        "prefer"));

        ready(SALES);
        DuckgresWarehouseEngine noSuffix = engine(duckgres.baseUrl(), SECRET, Duration.ofSeconds(5), null);
        assertThat(noSuffix.connection(SALES, TAG).host()).isEqualTo(FakeDuckgres.PG_HOST);
        assertThat(engine.connection(SALES, TAG).host()).isEqualTo("sales-wh.dw.test");
        DuckgresWarehouseEngine reported = new DuckgresWarehouseEngine(new DuckgresEngineSettings(
                duckgres.baseUrl(),
                SECRET,
                "",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                null,
                5432,
                null,
                null,
                null));
        assertThat(reported.connection(SALES, TAG).database()).isEqualTo("sales-wh");
    }

    @Test
    void theNameCheckAsksDuckgresWhoseNamesAreGlobal() {
        assertThat(engine.isNameTaken(SALES)).contains(false);
        DuckgresWarehouseEngine otherInstall =
                new DuckgresWarehouseEngine(settings(duckgres.baseUrl(), "other-wharf", null, null));
        otherInstall.provision(SALES, OTHER);
        assertThat(engine.isNameTaken(SALES)).contains(true);
    }

    @Test
    void settingsNeverPrintTheSecret() {
        assertThat(engine(duckgres.baseUrl(), SECRET, Duration.ofSeconds(1)).toString())
                .doesNotContain(SECRET);
        assertThat(DuckgresEngineSettings.defaults(duckgres.baseUrl(), SECRET, null)
                        .toString())
                .doesNotContain(SECRET)
                .contains("[redacted]");
    }

    private void ready(DatabaseName database) {
        engine.provision(database, TAG);
        duckgres.tick();
        duckgres.tick();
        assertThat(engine.provision(database, TAG)).isEqualTo(EngineProgress.done());
    }

    private static DuckgresEngineSettings settings(
            URI baseUrl, String namespace, Map<String, Object> metadataStore, Map<String, Object> dataStore) {
        return new DuckgresEngineSettings(
                baseUrl,
                SECRET,
                namespace,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                null,
                5432,
                DuckgresEngineSettings.DEFAULT_DATABASE,
                metadataStore,
                dataStore);
    }

    private static DuckgresWarehouseEngine engine(URI baseUrl, String secret, Duration requestTimeout) {
        return engine(baseUrl, secret, requestTimeout, "dw.test");
    }

    private static DuckgresWarehouseEngine engine(URI baseUrl, String secret, Duration timeout, String suffix) {
        return new DuckgresWarehouseEngine(new DuckgresEngineSettings(
                baseUrl,
                secret,
                "",
                Duration.ofSeconds(2),
                timeout,
                timeout,
                suffix,
                5432,
                DuckgresEngineSettings.DEFAULT_DATABASE,
                null,
                null));
    }

    /** Every object reachable from {@code root} through fields of Wharf's own classes. */
    private static Iterable<Object> reachableValues(Object root) throws IllegalAccessException {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object current = todo.pop();
            if (seen.put(current, true) != null || !current.getClass().getName().startsWith("dev.wharf.")) {
                continue;
            }
            for (Class<?> c = current.getClass(); c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())
                            || field.getType().isPrimitive()) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value = field.get(current);
                    if (value != null) {
                        todo.push(value);
                    }
                }
            }
        }
        return seen.keySet();
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
