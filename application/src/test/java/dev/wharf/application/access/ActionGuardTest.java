package dev.wharf.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.InMemoryWarehouseEngine;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.fake.RecordingMetrics;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.auth.MissingScopeException;
import dev.wharf.application.port.in.auth.NotAnAdminException;
import dev.wharf.application.port.in.auth.ProjectNotVisibleException;
import dev.wharf.application.port.in.ratelimit.RateLimitExceededException;
import dev.wharf.application.port.in.ratelimit.RateLimitStatus;
import dev.wharf.application.port.in.warehouse.ManageWarehouseCommand;
import dev.wharf.application.port.in.warehouse.ProvisionWarehouseCommand;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.audit.AuditLog;
import dev.wharf.application.ratelimit.RateLimitPolicy;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.application.service.warehouse.PasswordResetService;
import dev.wharf.application.service.warehouse.PasswordResetTiming;
import dev.wharf.application.service.warehouse.WarehouseService;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.shared.BackendUnavailableException;
import dev.wharf.domain.shared.NotFoundException;
import dev.wharf.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access, the project's rate limit and the audit log in front of provision, deprovision and reset-password. */
class ActionGuardTest {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final int LIMIT = 3;

    private final InMemoryFixture store = new InMemoryFixture();
    private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();
    private final MutableClock clock = new MutableClock(PersistenceFixture.T0);
    private final List<RateLimitStatus> reported = new ArrayList<>();
    private OrganizationId organization;
    private Actor admin;
    private ProjectAccess access;
    private WarehouseService lifecycle;
    private PasswordResetService resets;
    private final RecordingMetrics metrics = new RecordingMetrics();

    @BeforeEach
    void setUp() {
        Project project = store.givenProject(1);
        organization = project.organizationId();
        admin = actor("admin@example.com", OrganizationRole.ADMIN, Scope.ALL);
        access = new ProjectAccess(store.projects(), store.organizations());
        wire(store.auditLog());
    }

    private void wire(AuditLog audit) {
        ActionGuard guard =
                new ActionGuard(access, new RateLimitPolicy(store.rateLimiter(), LIMIT, clock), audit, clock, metrics);
        lifecycle = new WarehouseService(
                access, guard, store.transactions(), store.warehouses(), store.credentials(), engine, () -> {}, clock);
        resets = ServiceFixtures.passwordResets(store, guard, engine, PasswordResetTiming.defaults(), clock);
    }

    private Actor actor(String email, OrganizationRole role, Scope scope) {
        User user = store.givenUser(email);
        store.organizations().saveMembership(new Membership(organization, user.id(), role, clock.instant()));
        return new Actor(user.id(), ApiKeyId.random(), Set.of(scope), Set.of());
    }

    private ManageWarehouseCommand command(Actor actor) {
        return new ManageWarehouseCommand(actor, PROJECT, reported::add);
    }

    private void provision(Actor actor, String name) {
        lifecycle.provision(new ProvisionWarehouseCommand(actor, PROJECT, name, reported::add));
    }

    /** Moves the clock on, so that entries recorded next sort after the ones before. */
    private void later() {
        clock.advance(Duration.ofMillis(1));
    }

    private List<AuditEntry> log() {
        return store.auditLog().list(PROJECT, 50, 0);
    }

    @Test
    void eachActionIsRecordedWithItsUserKeyProjectAndOutcome() {
        provision(admin, "analytics");
        ServiceFixtures.worker(store, engine, clock).runOnce();
        later();
        resets.reset(command(admin));
        later();
        lifecycle.deprovision(command(admin));

        assertThat(log())
                .extracting(AuditEntry::action, AuditEntry::outcome, AuditEntry::detail)
                .containsExactly(
                        tuple(AuditAction.DEPROVISION, AuditOutcome.SUCCEEDED, null),
                        tuple(AuditAction.RESET_PASSWORD, AuditOutcome.SUCCEEDED, null),
                        tuple(AuditAction.PROVISION, AuditOutcome.SUCCEEDED, null));
        assertThat(log()).allSatisfy(entry -> {
            assertThat(entry.userId()).isEqualTo(admin.userId());
            assertThat(entry.apiKeyId()).isEqualTo(admin.apiKeyId());
            assertThat(entry.projectId()).isEqualTo(PROJECT);
        });
        assertThat(log().get(0).occurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aFailedActionIsRecordedAfterItsTransactionRolledBack() {
        provision(admin, "analytics");
        ServiceFixtures.worker(store, engine, clock).runOnce();
        later();
        engine.outage(BackendUnavailableException.Reason.TIMEOUT);

        assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(BackendUnavailableException.class);

        assertThat(store.credentials().findByProject(PROJECT).orElseThrow().lastSetAt())
                .as("the reset was rolled back")
                .isEmpty();
        assertThat(log().get(0))
                .extracting(AuditEntry::action, AuditEntry::outcome, AuditEntry::detail)
                .containsExactly(AuditAction.RESET_PASSWORD, AuditOutcome.FAILED, "Provisioning service timed out");
    }

    @Test
    void aRefusalOfTheActionItselfIsAFailureInTheCallersWords() {
        assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(NotFoundException.class);
        later();
        assertThatThrownBy(() -> provision(admin, "Bad_Name")).isInstanceOf(RuleViolationException.class);

        assertThat(log()).extracting(AuditEntry::outcome).containsOnly(AuditOutcome.FAILED);
        assertThat(log().get(1).detail()).isEqualTo("warehouse not found");
        assertThat(log().get(0).detail()).contains("DNS label");
        assertThat(store.warehouses().findByProject(PROJECT)).isEmpty();
    }

    @Test
    void aDeprovisionWithNothingToRemoveSucceedsAndIsRecorded() {
        lifecycle.deprovision(command(admin));

        assertThat(log())
                .singleElement()
                .extracting(AuditEntry::action, AuditEntry::outcome)
                .containsExactly(AuditAction.DEPROVISION, AuditOutcome.SUCCEEDED);
        assertThat(store.warehouses().findByProject(PROJECT)).isEmpty();
    }

    @Test
    void aMemberWithoutTheRoleOrAKeyWithoutTheScopeIsDeniedRecordedAndUsesNoBudget() {
        Actor member = actor("member@example.com", OrganizationRole.MEMBER, Scope.ALL);
        Actor reader = actor("reader@example.com", OrganizationRole.ADMIN, Scope.WAREHOUSE_VIEW_READ);

        for (int i = 0; i < LIMIT + 1; i++) {
            assertThatThrownBy(() -> resets.reset(command(member)))
                    .isInstanceOf(NotAnAdminException.class)
                    .hasMessage(PasswordResetService.REFUSAL);
        }
        later();
        assertThatThrownBy(() -> provision(reader, "analytics")).isInstanceOf(MissingScopeException.class);

        assertThat(reported).as("denied calls are not counted").isEmpty();
        assertThat(log()).hasSize(LIMIT + 2).extracting(AuditEntry::outcome).containsOnly(AuditOutcome.DENIED);
        assertThat(log().get(0).detail()).isEqualTo("API key missing required scope 'warehouse_view:write'");
        assertThat(log().get(0).userId()).isEqualTo(reader.userId());
        assertThat(log().get(1).detail()).isEqualTo(PasswordResetService.REFUSAL);
        provision(admin, "analytics");
        assertThat(reported.get(0).remaining()).isEqualTo(LIMIT - 1);
    }

    @Test
    void aCallerWhoCannotSeeTheProjectLeavesNoEntryAndUsesNoBudget() {
        User stranger = store.givenUser("stranger@example.com");
        Actor outsider = new Actor(stranger.id(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of());
        Actor elsewhere = new Actor(admin.userId(), ApiKeyId.random(), Set.of(Scope.ALL), Set.of(ProjectId.of(2)));

        assertThatThrownBy(() -> lifecycle.deprovision(command(outsider)))
                .isInstanceOf(ProjectNotVisibleException.class);
        assertThatThrownBy(() -> resets.reset(command(elsewhere))).isInstanceOf(ProjectNotVisibleException.class);

        assertThat(log()).isEmpty();
        assertThat(reported).isEmpty();
    }

    @Test
    void theThreeActionsShareTheProjectsBudgetAndAThrottledCallIsRecordedAndNotCounted() {
        assertThatThrownBy(() -> provision(admin, "Bad_Name")).isInstanceOf(RuleViolationException.class);
        lifecycle.deprovision(command(admin));
        assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(NotFoundException.class);
        later();

        assertThatThrownBy(() -> resets.reset(command(admin)))
                .isInstanceOfSatisfying(
                        RateLimitExceededException.class,
                        e -> assertThat(e.status())
                                .isEqualTo(
                                        new RateLimitStatus(false, LIMIT, 0, Instant.parse("2026-03-14T09:27:00Z"), 7)))
                .hasMessage("Request was throttled.");

        assertThat(reported).extracting(RateLimitStatus::remaining).containsExactly(2, 1, 0, 0);
        assertThat(reported).extracting(RateLimitStatus::admitted).containsExactly(true, true, true, false);
        assertThat(log().get(0))
                .extracting(AuditEntry::action, AuditEntry::outcome, AuditEntry::detail)
                .containsExactly(AuditAction.RESET_PASSWORD, AuditOutcome.THROTTLED, null);
        assertThat(store.rateLimiter()
                        .take(ProjectId.of(9), Instant.parse("2026-03-14T09:26:00Z"), LIMIT)
                        .used())
                .as("another project has its own budget")
                .isEqualTo(1);
    }

    @Test
    void theMetricsCountEveryCallAsItsAuditEntryRecordsIt() {
        Actor member = actor("member@example.com", OrganizationRole.MEMBER, Scope.ALL);
        assertThatThrownBy(() -> resets.reset(command(member))).isInstanceOf(NotAnAdminException.class);
        provision(admin, "analytics");
        ServiceFixtures.worker(store, engine, clock).runOnce();
        resets.reset(command(admin));
        engine.outage(BackendUnavailableException.Reason.UNREACHABLE);
        assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(BackendUnavailableException.class);
        engine.outage(null);
        assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(RateLimitExceededException.class);

        Map<String, Long> fromTheLog = log().stream()
                .collect(Collectors.groupingBy(
                        e -> "managementCall " + e.action() + " " + e.outcome(), Collectors.counting()));
        assertThat(fromTheLog).hasSize(5);
        assertThat(metrics.counts()).isEqualTo(fromTheLog);
        assertThat(metrics.count("managementCall RESET_PASSWORD THROTTLED")).isEqualTo(1);
    }

    @Test
    void theBudgetComesBackWhenTheNextMinuteStarts() {
        for (int i = 0; i < LIMIT; i++) {
            assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(RateLimitExceededException.class);

        clock.advance(Duration.ofSeconds(7));

        assertThatThrownBy(() -> resets.reset(command(admin))).isInstanceOf(NotFoundException.class);
        assertThat(reported.get(reported.size() - 1))
                .isEqualTo(new RateLimitStatus(true, LIMIT, LIMIT - 1, Instant.parse("2026-03-14T09:28:00Z"), 60));
    }

    @Test
    void anEntryThatCannotBeWrittenFailsTheRequestWithTheRefusalAttached() {
        Actor member = actor("member@example.com", OrganizationRole.MEMBER, Scope.ALL);
        wire(new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
                throw new IllegalStateException("audit log unavailable");
            }

            @Override
            public List<AuditEntry> list(ProjectId project, int limit, int offset) {
                return List.of();
            }
        });

        assertThatThrownBy(() -> lifecycle.deprovision(command(member)))
                .hasMessage("audit log unavailable")
                .satisfies(e -> assertThat(e.getSuppressed()).hasOnlyElementsOfType(NotAnAdminException.class));
        assertThatThrownBy(() -> provision(admin, "analytics")).hasMessage("audit log unavailable");
        assertThat(store.warehouses().findByProject(PROJECT))
                .as("an action whose entry cannot be written does not happen")
                .isEmpty();
    }
}
