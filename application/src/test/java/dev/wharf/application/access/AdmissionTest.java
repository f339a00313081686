package dev.wharf.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.fake.InMemoryFixture;
import dev.wharf.application.fake.MutableClock;
import dev.wharf.application.port.in.auth.Actor;
import dev.wharf.application.port.in.ratelimit.RateLimitListener;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.service.ServiceFixtures;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final InMemoryFixture store = new InMemoryFixture();
    private final MutableClock clock = new MutableClock(PersistenceFixture.T0);
    private ActionGuard guard;
    private Actor admin;

    @BeforeEach
    void setUp() {
        admin = ServiceFixtures.givenAdmin(store, PROJECT.value(), clock.instant());
        guard = ServiceFixtures.guard(store, new ProjectAccess(store.projects(), store.organizations()), clock);
    }

    private Admission admitted() {
        return guard.admit(AuditAction.PROVISION, admin, PROJECT, "admins only", RateLimitListener.NONE);
    }

    private AuditOutcome lastOutcome() {
        return store.auditLog().list(PROJECT, 1, 0).get(0).outcome();
    }

    @Test
    void aSuccessIsRecordedOnceAndCannotBeToldAgain() {
        Admission admission = admitted();
        admission.succeeded();

        assertThat(lastOutcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThatThrownBy(admission::succeeded).isInstanceOf(IllegalStateException.class);
        assertThat(store.auditLog().list(PROJECT, 10, 0)).hasSize(1);
    }

    @Test
    void aFailureIsRecordedInTheCallersWordsAndHandedBackToThrow() {
        Admission admission = admitted();
        ConflictException refused = new ConflictException("warehouse already exists in non-terminal state");

        assertThat(admission.failed(refused)).isSameAs(refused);

        AuditEntry entry = store.auditLog().list(PROJECT, 1, 0).get(0);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.detail()).isEqualTo("warehouse already exists in non-terminal state");
        assertThatThrownBy(() -> admission.failed(refused)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(admission::succeeded).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSuccessWhoseTransactionThenFailedMayStillBeToldItFailed() {
        Admission admission = admitted();
        IllegalStateException commitFailed = new IllegalStateException("commit failed");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    admission.succeeded();
                    throw commitFailed;
                }))
                .isSameAs(commitFailed);
        assertThat(admission.failed(commitFailed)).isSameAs(commitFailed);

        assertThat(store.auditLog().list(PROJECT, 10, 0))
                .as("the success entry went with its transaction; the failure is recorded on its own")
                .extracting(AuditEntry::outcome, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditOutcome.FAILED, "internal error"));
    }
}
