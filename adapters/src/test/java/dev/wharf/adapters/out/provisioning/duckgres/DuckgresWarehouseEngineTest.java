package dev.wharf.adapters.out.provisioning.duckgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.EngineProgress;
import dev.wharf.application.port.out.WarehouseConnection;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.BackendUnavailableException.Reason;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DuckgresWarehouseEngineTest {
    private static final WarehouseTag TAG = new WarehouseTag("test warehouse");

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
    void aReadyWarehouseHasNoProblemAndOneDuckgresNoLongerHasOrDeletesHasOne() {
        engine.provision(SALES, TAG);
        duckgres.tick();
        duckgres.tick();
        assertThat(engine.problemWith(SALES, TAG)).isEmpty();
        assertThat(engine.problemWith(new DatabaseName("never-made"), TAG))
                .contains("The warehouse never-made no longer exists on duckgres");

        engine.deprovision(SALES, TAG);
        assertThat(engine.problemWith(SALES, TAG))
                .hasValueSatisfying(
                        problem -> assertThat(problem).startsWith("duckgres reports the warehouse deleting: "));
    }

    @Test
    void theOneTimePasswordFromProvisionIsDiscardedSoNobodyKnowsIt() {
        ready(SALES);

        assertThat(duckgres.login("sales-wh", "root", "")).isFalse();
        engine.setPassword(SALES, P1);
        assertThat(duckgres.login("sales-wh", "root", P1.reveal())).isTrue();
    }

    @Test
    void theInternalSecretIsSentAndAWrongOneIsAGatewayError() {
        assertThat(engine.provision(SALES, TAG).outcome()).isEqualTo(EngineProgress.Outcome.IN_PROGRESS);

        DuckgresWarehouseEngine withoutSecret = engine(duckgres.baseUrl(), null, Duration.ofSeconds(5));
        assertThatThrownBy(() -> withoutSecret.provision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessageContaining("duckgres answered 401");
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
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
    }

    @Test
    void aStoppedDuckgresIsUnreachable() {
        duckgres.close();

        assertThatThrownBy(() -> engine.deprovision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
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
    void duckgresRefusalsReachTheCallerWithTheirMessages() {
        assertThatThrownBy(() -> engine.setPassword(SALES, P1))
                .isInstanceOf(NotFoundException.class)
                .hasMessage(FakeDuckgres.NOT_FOUND);

        engine.provision(SALES, TAG);
        assertThatThrownBy(() -> engine.setPassword(SALES, P1))
                .isInstanceOf(ConflictException.class)
                .hasMessage(FakeDuckgres.NOT_READY);

        DuckgresWarehouseEngine other = new DuckgresWarehouseEngine(new DuckgresEngineSettings(
                duckgres.baseUrl(),
                SECRET,
                "other-install-",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                null,
                5432));
        assertThatThrownBy(() -> other.provision(SALES, TAG))
                .isInstanceOf(ConflictException.class)
                .hasMessage("database name sales-wh is already in use");
    }

    @Test
    void aBadRequestIsARuleViolationAndAServerErrorAGatewayErrorWithTheBodyCut() {
        duckgres.answerNextWith(400, "bad name");
        assertThatThrownBy(() -> engine.provision(SALES, TAG))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("bad name");

        duckgres.answerNextWith(500, "x".repeat(2000));
        assertThatThrownBy(() -> engine.provision(SALES, TAG))
                .isInstanceOfSatisfying(
                        BackendUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
                .hasMessageStartingWith("duckgres answered 500 to GET /orgs/sales-wh/warehouse/status: ")
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
    void deprovisionWaitsForPendingThenDeletesAndIsIdempotent() {
        engine.provision(SALES, TAG);
        assertThat(engine.deprovision(SALES, TAG))
                .isEqualTo(EngineProgress.inProgress("waiting for provisioning to start"));

        duckgres.tick();
        assertThat(engine.deprovision(SALES, TAG)).isEqualTo(EngineProgress.inProgress("Deprovisioning requested"));
        assertThat(engine.deprovision(SALES, TAG)).isEqualTo(EngineProgress.inProgress("Deprovisioning..."));
        duckgres.tick();
        assertThat(engine.deprovision(SALES, TAG)).isEqualTo(EngineProgress.done());
        assertThat(engine.deprovision(new DatabaseName("never-made"), TAG)).isEqualTo(EngineProgress.done());

        assertThat(engine.provision(SALES, TAG)).isEqualTo(EngineProgress.inProgress("Provisioning requested"));
    }

    @Test
    void aStockDuckgresThatGeneratesItsOwnPasswordHandsThatOneBack() {
        ready(SALES);
        duckgres.ignorePasswordBody();

        Password inForce = engine.setPassword(SALES, P1);

        assertThat(inForce.reveal()).isNotEqualTo(P1.reveal()).matches("[A-Za-z0-9_-]{43}");
        assertThat(duckgres.login("sales-wh", "root", inForce.reveal())).isTrue();
        assertThat(duckgres.login("sales-wh", "root", P1.reveal())).isFalse();
    }

    @Test
    void aDuckgresThatHonoursTheProposalPutsItInForce() {
        ready(SALES);

        assertThat(engine.setPassword(SALES, P1)).isEqualTo(P1);
        assertThat(duckgres.login("sales-wh", "root", P1.reveal())).isTrue();
    }

    @Test
    void theClientKeepsNoPasswordAndNoErrorShowsIt() throws Exception {
        assertThatThrownBy(() -> engine.setPassword(SALES, P1))
                .satisfies(e -> assertThat(messages(e)).doesNotContain(P1.reveal()));
        engine.provision(SALES, TAG);
        assertThatThrownBy(() -> engine.setPassword(SALES, P1))
                .satisfies(e -> assertThat(messages(e)).doesNotContain(P1.reveal()));
        duckgres.tick();
        duckgres.tick();
        engine.setPassword(SALES, P1);

        assertThat(reachableValues(engine))
                .noneMatch(v -> v instanceof Password)
                .noneMatch(v -> v instanceof String s && s.contains(P1.reveal()));
    }

    @Test
    void connectionUsesTheReadyBlockAndThePublicHostSuffix() {
        WarehouseConnection before = engine.connection(SALES);
        assertThat(before)
                .isEqualTo(new WarehouseConnection(
                        "sales-wh.dw.test",
                        5432,
                        "sales-wh",
                        "root",
                        "jdbc:postgresql://sales-wh.dw.test:5432/sales-wh?sslmode=prefer",
                        "prefer"));

        ready(SALES);
        DuckgresWarehouseEngine noSuffix = engine(duckgres.baseUrl(), SECRET, Duration.ofSeconds(5), null);
        assertThat(noSuffix.connection(SALES).host()).isEqualTo(FakeDuckgres.PG_HOST);
        assertThat(engine.connection(SALES).host()).isEqualTo("sales-wh.dw.test");
    }

    @Test
    void theNameCheckAsksDuckgres() {
        assertThat(engine.isNameAvailable(SALES)).isTrue();
        engine.provision(SALES, TAG);
        assertThat(engine.isNameAvailable(SALES)).isFalse();
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

    private static DuckgresWarehouseEngine engine(URI baseUrl, String secret, Duration requestTimeout) {
        return engine(baseUrl, secret, requestTimeout, "dw.test");
    }

    private static DuckgresWarehouseEngine engine(URI baseUrl, String secret, Duration timeout, String suffix) {
        return new DuckgresWarehouseEngine(
                new DuckgresEngineSettings(baseUrl, secret, "", Duration.ofSeconds(2), timeout, timeout, suffix, 5432));
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
