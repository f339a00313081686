package dev.wharf.application.service.webhook;

import static dev.wharf.application.port.out.PersistenceFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.access.ProjectAccess;
import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.job.CreateSourceCommand;
import dev.wharf.application.port.in.job.FieldUpdate;
import dev.wharf.application.port.in.job.ReportJobCommand;
import dev.wharf.application.port.in.job.StartJobCommand;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.PasswordReset;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.out.metrics.Metrics;
import dev.wharf.application.port.out.usage.Billing;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.application.port.out.webhook.WebhookDeliveries.Claim;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.job.FreshnessService;
import dev.wharf.application.service.job.JobService;
import dev.wharf.application.service.job.SourceService;
import dev.wharf.application.service.job.StaleJobService;
import dev.wharf.application.service.provisioning.ProvisioningWorker;
import dev.wharf.application.service.warehouse.PasswordResetService;
import dev.wharf.application.service.warehouse.PasswordResetTiming;
import dev.wharf.application.service.warehouse.WarehouseService;
import dev.wharf.domain.credential.SecureRandomPasswordGenerator;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import dev.wharf.domain.webhook.WebhookEventType;
import dev.wharf.domain.webhook.WebhookSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events the services publish, as subscribers receive them: in the outbox with the change, and only then. */
class PublishedEventsTest {
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final OutboxPublisher events = new OutboxPublisher(
            store.transactions(), store.webhookSubscriptions(), store.webhookOutbox(), () -> {}, clock);
    private Actor admin;
    private ProjectAccess access;

    @BeforeEach
    void setUp() {
        admin = ServiceFixtures.givenAdmin(store, PROJECT.value(), clock.instant());
        access = new ProjectAccess(store.projects(), store.organizations());
    }

    private void subscribe(WebhookEventType... types) {
        store.webhookSubscriptions()
                .insert(WebhookSubscription.create(PROJECT, "https://hooks.example.com/x", Set.of(types), null, T0));
    }

    /** The payloads due now, in the order recorded. */
    private List<String> delivered() {
        clock.advance(Duration.ofMillis(1));
        return store.webhookDeliveries().due(clock.instant(), 100).stream()
                .map(due -> store.webhookDeliveries()
                        .claim(
                                due.delivery(),
                                "test",
                                clock.instant(),
                                clock.instant().plusSeconds(60)))
                .flatMap(Optional::stream)
                .sorted((a, b) ->
                        a.delivery().createdAt().compareTo(b.delivery().createdAt()))
                .map(Claim::body)
                .toList();
    }

    @Test
    void everyChangeOfAWarehousesStateIsToldWithThePreviousStateAndItsMessage() {
        subscribe(WebhookEventType.WAREHOUSE_STATE_CHANGED);
        WarehouseRepository warehouses = new WarehouseStateEvents(store.warehouses(), store.transactions(), events);
        WarehouseService lifecycle = new WarehouseService(
                access,
                ServiceFixtures.guard(store, access, clock),
                store.transactions(),
                warehouses,
                store.credentials(),
                engine,
                () -> {},
                clock);
        ProvisioningWorker worker = new ProvisioningWorker(
                store.provisioningQueue(),
                warehouses,
                engine,
                dev.wharf.application.service.provisioning.ProvisioningSettings.defaults(),
                clock,
                "w",
                dev.wharf.application.port.out.warehouse.WarehouseEvents.NONE,
                Metrics.NONE);
        engine.needPasses(1);

        lifecycle.provision(new ProvisionWarehouseCommand(admin, PROJECT, "analytics"));
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        clock.advance(Duration.ofSeconds(5));
        worker.runOnce();

        assertThat(delivered())
                .hasSize(3)
                .satisfiesExactly(
                        pending -> assertThat(pending)
                                .startsWith("{\"type\":\"warehouse.state_changed\"")
                                .contains("\"project_id\":1,\"database_name\":\"analytics\",\"state\":\"pending\","
                                        + "\"previous_state\":null"),
                        provisioning -> assertThat(provisioning)
                                .contains("\"state\":\"provisioning\",\"previous_state\":\"pending\""),
                        ready -> assertThat(ready).contains("\"state\":\"ready\",\"previous_state\":\"provisioning\""));
    }

    @Test
    void aChangeThatDoesNotCommitIsNotTold() {
        subscribe(WebhookEventType.WAREHOUSE_STATE_CHANGED);
        WarehouseRepository warehouses = new WarehouseStateEvents(store.warehouses(), store.transactions(), events);
        var pending = dev.wharf.domain.warehouse.Warehouse.provision(
                Optional.empty(), PROJECT, new dev.wharf.domain.warehouse.DatabaseName("analytics"), T0);

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    warehouses.insert(pending);
                    throw new IllegalStateException("the rest of the change failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(delivered()).isEmpty();
        assertThat(store.warehouses().findByProject(PROJECT)).isEmpty();
    }

    @Test
    void aPasswordResetIsToldWithoutThePassword() {
        subscribe(WebhookEventType.WAREHOUSE_PASSWORD_RESET);
        ServiceFixtures.givenReadyWarehouse(
                store, engine, PROJECT, new dev.wharf.domain.warehouse.DatabaseName("analytics"), clock.instant());
        PasswordResetService resets = new PasswordResetService(
                ServiceFixtures.guard(store, access, clock),
                store.transactions(),
                store.warehouses(),
                store.credentials(),
                store.resetLeases(),
                engine,
                new SecureRandomPasswordGenerator(),
                PasswordResetTiming.defaults(),
                clock,
                events);

        PasswordReset reset = resets.reset(new ManageWarehouseCommand(admin, PROJECT));

        assertThat(delivered())
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .startsWith("{\"type\":\"warehouse.password_reset\"")
                        .contains("\"username\":\"" + reset.username().value() + "\"")
                        .doesNotContain(reset.password().reveal()));
    }

    @Test
    void aFailedJobAStaleJobAndTheRowLimitAreToldTheLimitOncePerPeriod() {
        subscribe(WebhookEventType.JOB_FAILED, WebhookEventType.JOB_STALE, WebhookEventType.USAGE_ROW_LIMIT_REACHED);
        BillingPeriod period = BillingPeriod.containing(T0.minus(Duration.ofDays(3)), BillingInterval.MONTH, T0);
        JobService jobs = new JobService(
                access,
                store.transactions(),
                store.sources(),
                store.jobs(),
                org -> Optional.of(new Billing(period, 0, OptionalLong.of(0))),
                store.usage(),
                clock,
                Metrics.NONE,
                events);
        String source = new SourceService(access, store.transactions(), store.sources(), clock)
                .create(new CreateSourceCommand(admin, PROJECT, "Stripe", null))
                .id()
                .toString();
        StartJobCommand nonBillable =
                new StartJobCommand(admin, PROJECT, "import", source, "charges", null, null, false, null);
        var failing = jobs.start(nonBillable);
        jobs.report(new ReportJobCommand(
                admin, PROJECT, failing.job().id().toString(), 10L, "Failed", FieldUpdate.to("boom")));
        var stale = jobs.start(nonBillable);
        clock.advance(Duration.ofHours(1));
        new StaleJobService(store.transactions(), store.jobs(), Duration.ofMinutes(30), 10, clock, events)
                .failStaleJobs();
        clock.advance(Duration.ofSeconds(1));
        StartJobCommand billable = new StartJobCommand(admin, PROJECT, "import", source, "c", null, null, true, null);
        jobs.start(billable);
        jobs.start(billable);

        assertThat(delivered())
                .satisfiesExactly(
                        failed -> assertThat(failed)
                                .startsWith("{\"type\":\"job.failed\"")
                                .contains("\"job_id\":\"" + failing.job().id() + "\"")
                                .contains("\"latest_error\":\"boom\""),
                        staleJob -> assertThat(staleJob)
                                .startsWith("{\"type\":\"job.stale\"")
                                .contains("\"job_id\":\"" + stale.job().id() + "\"")
                                .contains("\"latest_error\":\"No heartbeat for 30 minutes\""),
                        limit -> assertThat(limit)
                                .startsWith("{\"type\":\"usage.row_limit_reached\"")
                                .contains("\"row_limit\":0"));
    }

    @Test
    void aSourceThatMissesItsWindowIsToldOnceAndToldAgainWhenAnImportCompletes() {
        subscribe(WebhookEventType.SOURCE_FRESHNESS_MISSED, WebhookEventType.SOURCE_FRESHNESS_RESTORED);
        SourceService sources = new SourceService(access, store.transactions(), store.sources(), clock);
        JobService jobs = new JobService(
                access,
                store.transactions(),
                store.sources(),
                store.jobs(),
                org -> Optional.empty(),
                store.usage(),
                clock,
                Metrics.NONE,
                events);
        FreshnessService pass = new FreshnessService(store.transactions(), store.sources(), events, clock);
        FreshnessService otherInstance = new FreshnessService(store.transactions(), store.sources(), events, clock);
        String source = sources.create(new CreateSourceCommand(admin, PROJECT, "Stripe", null, "1h"))
                .id()
                .toString();

        assertThat(pass.tell()).as("within its window").isZero();
        clock.advance(Duration.ofMinutes(61));
        assertThat(pass.tell()).isEqualTo(1);
        assertThat(otherInstance.tell()).as("told once, whoever runs the pass").isZero();
        var job = jobs.start(new StartJobCommand(admin, PROJECT, "import", source, "charges", null, null, null, null));
        clock.advance(Duration.ofMinutes(1));
        jobs.report(
                new ReportJobCommand(admin, PROJECT, job.job().id().toString(), 5L, "Completed", FieldUpdate.absent()));
        assertThat(store.sources()
                        .findById(PROJECT, job.job().sourceId())
                        .orElseThrow()
                        .lastSyncedAt())
                .isEqualTo(clock.instant());
        assertThat(otherInstance.tell()).isEqualTo(1);
        assertThat(pass.tell()).isZero();

        assertThat(delivered())
                .satisfiesExactly(
                        missed -> assertThat(missed)
                                .startsWith("{\"type\":\"source.freshness_missed\"")
                                .contains("\"source_id\":\"" + source + "\",\"source_type\":\"Stripe\","
                                        + "\"freshness\":\"1h\",\"last_synced_at\":null"),
                        restored -> assertThat(restored)
                                .startsWith("{\"type\":\"source.freshness_restored\"")
                                .contains("\"last_synced_at\":\""));
    }

    @Test
    void theDeliveryWorkerIsWokenOnceTheEventsTransactionCommitsAndNotForOneRolledBack() {
        subscribe(WebhookEventType.JOB_FAILED);
        java.util.concurrent.atomic.AtomicInteger woken = new java.util.concurrent.atomic.AtomicInteger();
        OutboxPublisher publisher = new OutboxPublisher(
                store.transactions(),
                store.webhookSubscriptions(),
                store.webhookOutbox(),
                woken::incrementAndGet,
                clock);
        var event = dev.wharf.domain.webhook.WebhookEvent.of(PROJECT, WebhookEventType.JOB_FAILED, T0);

        store.transactions().inTransaction(() -> {
            publisher.publish(event);
            assertThat(woken).as("not before the commit").hasValue(0);
        });
        assertThat(woken).hasValue(1);
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    publisher.publish(
                            dev.wharf.domain.webhook.WebhookEvent.of(PROJECT, WebhookEventType.JOB_FAILED, T0));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        assertThat(woken).hasValue(1);
    }

    @Test
    void anEventNobodyWantsLeavesNothing() {
        subscribe(WebhookEventType.JOB_STALE);
        WarehouseRepository warehouses = new WarehouseStateEvents(store.warehouses(), store.transactions(), events);
        warehouses.insert(dev.wharf.domain.warehouse.Warehouse.provision(
                Optional.empty(), PROJECT, new dev.wharf.domain.warehouse.DatabaseName("analytics"), T0));

        assertThat(delivered()).isEmpty();
    }
}
