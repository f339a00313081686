package dev.wharf.domain.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrganizationRoleTest {

    @ParameterizedTest
    @EnumSource(OrganizationRole.class)
    void onlyAdminsAndOwnersMayManageTheWarehouse(OrganizationRole role) {
        boolean expected = role == OrganizationRole.ADMIN || role == OrganizationRole.OWNER;

        assertThat(role.canManageWarehouse()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(OrganizationRole.class)
    void wireNamesRoundTrip(OrganizationRole role) {
        assertThat(OrganizationRole.fromWireName(role.wireName())).isEqualTo(role);
    }

    @Test
    void wireNamesAreLowerCaseAndUnknownOnesAreRefused() {
        assertThat(OrganizationRole.values())
                .extracting(OrganizationRole::wireName)
                .containsExactly("member", "admin", "owner");
        assertThatThrownBy(() -> OrganizationRole.fromWireName("Owner")).isInstanceOf(RuleViolationException.class);
    }
}
