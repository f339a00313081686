package dev.wharf.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
    private static final Instant AT = Instant.parse("2026-03-14T09:26:53.589793Z");

    @Test
    void aLongDetailIsCutSoEveryEntryFitsItsColumn() {
        AuditEntry entry = entry("x".repeat(2_000));

        assertThat(entry.detail()).hasSize(AuditEntry.MAX_DETAIL);
    }

    @Test
    void aSuccessHasNoDetail() {
        assertThat(entry(null).detail()).isNull();
    }

    @Test
    void whoWhereAndWhatAreRequired() {
        assertThatThrownBy(() -> AuditEntry.record(
                        AT, null, ApiKeyId.random(), ProjectId.of(1), AuditAction.PROVISION, AuditOutcome.DENIED, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("userId must not be null");
        assertThatThrownBy(() -> AuditEntry.record(
                        AT, UserId.random(), null, ProjectId.of(1), AuditAction.PROVISION, AuditOutcome.DENIED, null))
                .hasMessage("apiKeyId must not be null");
    }

    @Test
    void actionsAndOutcomesReadBackFromTheirWireNames() {
        for (AuditAction action : AuditAction.values()) {
            assertThat(AuditAction.fromWireName(action.wireName())).isEqualTo(action);
        }
        for (AuditOutcome outcome : AuditOutcome.values()) {
            assertThat(AuditOutcome.fromWireName(outcome.wireName())).isEqualTo(outcome);
        }
        assertThat(AuditAction.RESET_PASSWORD.wireName()).isEqualTo("reset-password");
        assertThatThrownBy(() -> AuditOutcome.fromWireName("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    private static AuditEntry entry(String detail) {
        return AuditEntry.record(
                AT,
                UserId.random(),
                ApiKeyId.random(),
                ProjectId.of(1),
                AuditAction.RESET_PASSWORD,
                AuditOutcome.FAILED,
                detail);
    }
}
