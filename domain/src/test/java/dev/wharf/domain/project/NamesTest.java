package dev.wharf.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NamesTest {
    private static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");

    @Test
    void organizationAndProjectNamesAreTrimmed() {
        Organization org = new Organization(OrganizationId.random(), "  Acme  ", NOW);
        Project project = new Project(ProjectId.of(1), org.id(), "\tWeb\n", ZoneOffset.UTC, NOW);

        assertThat(org.name()).isEqualTo("Acme");
        assertThat(project.name()).isEqualTo("Web");
    }

    @Test
    void blankNamesAreRefused() {
        assertThatThrownBy(() -> new Organization(OrganizationId.random(), " \t ", NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("organization name is required");
        assertThatThrownBy(() -> new Organization(OrganizationId.random(), null, NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void namesAreBoundedAfterTrimming() {
        assertThat(new Organization(OrganizationId.random(), " " + "a".repeat(200) + " ", NOW).name())
                .hasSize(200);
        assertThatThrownBy(() -> new Organization(OrganizationId.random(), "a".repeat(201), NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void namesWithControlCharactersAreRefused() {
        assertThatThrownBy(() -> new Organization(OrganizationId.random(), "Ac\u0000me", NOW))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> new Organization(OrganizationId.random(), "Ac\nme", NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void projectIdsArePositive() {
        assertThat(ProjectId.of(1)).hasToString("1");
        assertThatThrownBy(() -> ProjectId.of(0)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> ProjectId.of(-5)).isInstanceOf(RuleViolationException.class);
    }
}
