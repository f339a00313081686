package dev.wharf.application.port.out.audit;

import static dev.wharf.application.port.out.PersistenceFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.application.port.out.FixtureContract;
import dev.wharf.domain.audit.AuditAction;
import dev.wharf.domain.audit.AuditEntry;
import dev.wharf.domain.audit.AuditOutcome;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An {@link AuditLog} keeps every field of an entry and lists a project's entries newest first, page by page. */
public abstract class AuditLogContract extends FixtureContract {
    private static final ProjectId PROJECT = ProjectId.of(1);
    private static final UserId USER = new UserId(UUID.fromString("7a0e9e4c-1d2b-4c3a-9f00-000000000001"));
    private static final ApiKeyId KEY = new ApiKeyId(UUID.fromString("7a0e9e4c-1d2b-4c3a-9f00-000000000002"));

    private static AuditEntry entry(String id, Instant at, ProjectId project, AuditOutcome outcome, String detail) {
        return new AuditEntry(UUID.fromString(id), at, USER, KEY, project, AuditAction.RESET_PASSWORD, outcome, detail);
    }

    private static AuditEntry entry(Instant at) {
        return AuditEntry.record(at, USER, KEY, PROJECT, AuditAction.PROVISION, AuditOutcome.SUCCEEDED, null);
    }

    @Test
    void anEntryReadsBackWithEveryField() {
        AuditEntry failed = entry(
                "00000000-0000-4000-8000-000000000001",
                at(1),
                PROJECT,
                AuditOutcome.FAILED,
                "warehouse must be in ready state to reset password");
        AuditEntry denied = new AuditEntry(
                UUID.randomUUID(),
                at(2),
                UserId.random(),
                ApiKeyId.random(),
                PROJECT,
                AuditAction.DEPROVISION,
                AuditOutcome.DENIED,
                null);

        store.auditLog().record(failed);
        store.auditLog().record(denied);

        assertThat(store.auditLog().list(PROJECT, 10, 0)).containsExactly(denied, failed);
    }

    @Test
    void entriesAreListedNewestFirstThenByIdAsTheDatabasesOrderUuids() {
        AuditEntry older = entry("ffffffff-0000-4000-8000-000000000000", at(1), PROJECT, AuditOutcome.DENIED, null);
        AuditEntry lowId = entry("00000000-0000-4000-8000-000000000000", at(2), PROJECT, AuditOutcome.FAILED, null);
        AuditEntry highId = entry("80000000-0000-4000-8000-000000000000", at(2), PROJECT, AuditOutcome.THROTTLED, null);
        store.auditLog().record(lowId);
        store.auditLog().record(older);
        store.auditLog().record(highId);

        assertThat(store.auditLog().list(PROJECT, 10, 0)).containsExactly(highId, lowId, older);
    }

    @Test
    void pagesAreTakenByLimitAndOffsetAndProjectsAreKeptApart() {
        for (int i = 0; i < 5; i++) {
            store.auditLog().record(entry(at(i)));
        }
        store.auditLog()
                .record(AuditEntry.record(
                        at(9), USER, KEY, ProjectId.of(2), AuditAction.PROVISION, AuditOutcome.SUCCEEDED, null));

        assertThat(store.auditLog().list(PROJECT, 2, 1))
                .extracting(AuditEntry::occurredAt)
                .containsExactly(at(3), at(2));
        assertThat(store.auditLog().list(PROJECT, 10, 4)).hasSize(1);
        assertThat(store.auditLog().list(PROJECT, 10, 5)).isEmpty();
        assertThat(store.auditLog().list(ProjectId.of(3), 10, 0)).isEmpty();
    }

    @Test
    void anEntryJoinsTheCallersTransactionAndOneRecordedAfterItsRollbackStays() {
        AuditEntry inside = entry(at(1));
        AuditEntry after = entry(at(2));

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
                    store.auditLog().record(inside);
                    throw new IllegalStateException("the action failed");
                }))
                .hasMessage("the action failed");
        store.auditLog().record(after);

        assertThat(store.auditLog().list(PROJECT, 10, 0)).containsExactly(after);
    }
}
