package dev.wharf.adapters.in.rest.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.application.port.in.account.CallerProfile;
import dev.wharf.application.port.in.account.MemberOrganization;
import dev.wharf.application.port.in.admin.ApiKeySummary;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.KeyHashingSecret;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/users/@me/}'s body: PostHog's names, the levels, and the key without anything secret. */
class CurrentUserResponseTest {
    private static final KeyHashingSecret HASHING =
            KeyHashingSecret.decode("5f0c9e2ab47d13f8e6a1c3b9d2740e5f8a6b1c9d3e7f20a4b58c6d1e9f3a7b02");
    private static final ApiKeySecret SECRET = ApiKeySecret.parse("phx_abcdEFGHijklMNOPqrstUVWXyz0123456789ABCDEFG");
    private static final Instant CREATED = Instant.parse("2026-03-14T09:26:53.589793Z");
    private static final User USER =
            new User(new UserId(UUID.fromString("11111111-2222-3333-4444-555555555555")), "dev@example.com", CREATED);
    private static final Organization ORG = new Organization(
            new OrganizationId(UUID.fromString("0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10")), "Acme", CREATED);

    private static ApiKey key(Set<Scope> scopes, Set<ProjectId> projects) {
        return ApiKey.issue(
                new ApiKeyId(UUID.fromString("66666666-7777-8888-9999-000000000000")),
                USER.id(),
                "console",
                SECRET,
                HASHING,
                scopes,
                projects,
                CREATED);
    }

    private static String json(ApiKey key, List<MemberOrganization> organizations) throws Exception {
        return new ObjectMapper()
                .writeValueAsString(CurrentUserResponse.of(
                        new CallerProfile(USER, organizations, ApiKeySummary.of(key, USER.email()))));
    }

    @Test
    void theUserTheOrganizationsWithTheirLevelsAndTheKeyWithoutItsSecret() throws Exception {
        ApiKey key = key(Set.of(Scope.WAREHOUSE_VIEW_WRITE, Scope.ALL), Set.of());

        String json = json(key, List.of(new MemberOrganization(ORG, OrganizationRole.ADMIN)));

        assertThat(json)
                .isEqualTo("{\"id\":\"11111111-2222-3333-4444-555555555555\","
                        + "\"uuid\":\"11111111-2222-3333-4444-555555555555\",\"email\":\"dev@example.com\","
                        + "\"first_name\":\"\",\"organizations\":[{\"id\":\"0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10\","
                        + "\"name\":\"Acme\",\"membership_level\":8}],"
                        + "\"personal_api_key\":{\"id\":\"66666666-7777-8888-9999-000000000000\","
                        + "\"label\":\"console\",\"mask_value\":\"phx_abcd…\","
                        + "\"scopes\":[\"*\",\"warehouse_view:write\"],\"projects\":null,"
                        + "\"created_at\":\"2026-03-14T09:26:53.589793Z\"}}");
        assertThat(json)
                .doesNotContain(
                        SECRET.reveal(), key.secretDigest(), SECRET.reveal().substring(8, 24));
    }

    @Test
    void aKeyLimitedToProjectsNamesThemInOrder() throws Exception {
        ApiKey key = key(Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of(ProjectId.of(12), ProjectId.of(3)));

        assertThat(json(key, List.of())).contains("\"organizations\":[]", "\"projects\":[3,12]");
    }

    @Test
    void ownersAndMembersHavePostHogsLevels() {
        assertThat(MembershipLevels.of(OrganizationRole.MEMBER)).isEqualTo(1);
        assertThat(MembershipLevels.of(OrganizationRole.ADMIN)).isEqualTo(8);
        assertThat(MembershipLevels.of(OrganizationRole.OWNER)).isEqualTo(15);
    }
}
