package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.UserId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/users/@me/}: who a key belongs to, for any valid key, and never the key itself. */
class CurrentUserContractTest extends ContractTest {
    static final String ME = "/api/users/@me/";

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The organizations of an answer, by id, with their membership levels. */
    private static Map<String, Integer> levels(Answer me) {
        Map<String, Integer> levels = new HashMap<>();
        me.json()
                .get("organizations")
                .forEach(o -> levels.put(
                        o.get("id").asText(), o.get("membership_level").asInt()));
        return levels;
    }

    @Test
    void theAdminKeyLearnsWhoItBelongsToWithOrWithoutTheSlashAndNeverSeesItself() {
        for (String path : new String[] {ME, "/api/users/@me"}) {
            Answer me = api.get(path, admin);

            assertThat(me.status()).as(path).isEqualTo(200);
            assertThat(me.json().get("uuid").asText())
                    .isEqualTo(me.json().get("id").asText());
            assertThat(me.json().get("email").asText()).contains("@");
            assertThat(me.json().get("first_name").asText()).isEmpty();
            assertThat(me.json().get("organizations")).isNotEmpty();
            JsonNode key = me.json().get("personal_api_key");
            assertThat(admin).startsWith(key.get("mask_value").asText().replace("…", ""));
            assertThat(key.get("scopes")).isNotEmpty();
            assertThat(me.text())
                    .doesNotContain(admin)
                    .doesNotContain(admin.substring(4, 20))
                    .doesNotContain(ApiKeySecret.parse(admin).plainSha256());
            RateLimitContractTest.assertNoLimitHeaders(me);
        }
    }

    @Test
    void inProcessTheDevKeyIsTheDevUsersAdminKeyWithEveryScope() {
        InProcessWharf wharf = target.inProcess();

        Answer me = api.get(ME, admin);

        assertThat(me.json().get("id").asText()).isEqualTo(wharf.devUser().toString());
        assertThat(me.json().get("email").asText()).isEqualTo("dev@localhost");
        assertThat(levels(me)).containsEntry(wharf.defaultOrganization().toString(), 8);
        JsonNode key = me.json().get("personal_api_key");
        assertThat(key.get("id").asText()).isEqualTo(wharf.keyId(admin).toString());
        assertThat(key.get("scopes").toString()).isEqualTo("[\"*\"]");
        assertThat(key.get("projects").isNull()).isTrue();
        assertThat(me.text()).doesNotContain(wharf.digestOf(admin));
    }

    @Test
    void aUserInTwoOrganizationsSeesBothWithItsLevelInEach() {
        InProcessWharf wharf = target.inProcess();
        OrganizationId owned = wharf.organization(unique("Owned"));
        OrganizationId joined = wharf.organization(unique("Joined"));
        OrganizationId elsewhere = wharf.organization(unique("Elsewhere"));
        UserId user = wharf.user(unique("two") + "@example.com", owned, OrganizationRole.OWNER);
        wharf.join(user, joined, OrganizationRole.ADMIN);
        wharf.user(unique("other") + "@example.com", elsewhere, OrganizationRole.OWNER);
        String key = wharf.keyFor(user, Set.of(Scope.WAREHOUSE_VIEW_READ, Scope.WAREHOUSE_JOBS_WRITE), Set.of());

        Answer me = api.get(ME, key);

        assertThat(me.json().get("id").asText()).isEqualTo(user.toString());
        assertThat(levels(me)).isEqualTo(Map.of(owned.toString(), 15, joined.toString(), 8));
        JsonNode apiKey = me.json().get("personal_api_key");
        assertThat(apiKey.get("id").asText()).isEqualTo(wharf.keyId(key).toString());
        assertThat(apiKey.get("label").asText()).isEqualTo("contract");
        assertThat(apiKey.get("scopes").toString()).isEqualTo("[\"warehouse_jobs:write\",\"warehouse_view:read\"]");
        assertThat(me.text()).doesNotContain(elsewhere.toString()).doesNotContain(key);
    }

    @Test
    void aKeyLimitedToAProjectNamesItAndShowsOnlyItsOrganization() {
        InProcessWharf wharf = target.inProcess();
        OrganizationId reached = wharf.organization(unique("Reached"));
        OrganizationId other = wharf.organization(unique("Other"));
        ProjectId project = wharf.project(reached, "Reached", ZoneOffset.UTC);
        UserId user = wharf.user(unique("limited") + "@example.com", reached, OrganizationRole.MEMBER);
        wharf.join(user, other, OrganizationRole.OWNER);
        String key = wharf.keyFor(user, Set.of(Scope.ALL), Set.of(project));

        Answer me = api.get(ME, key);

        assertThat(levels(me)).isEqualTo(Map.of(reached.toString(), 1));
        assertThat(me.json().get("personal_api_key").get("projects").toString()).isEqualTo("[" + project + "]");
    }

    @Test
    void anyValidKeyMayAskWhateverItsScopes() {
        InProcessWharf wharf = target.inProcess();
        String jobsOnly = wharf.keyFor(wharf.devUser(), Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());

        Answer me = api.get(ME, jobsOnly);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("personal_api_key").get("scopes").toString()).isEqualTo("[\"warehouse_jobs:write\"]");
    }

    @Test
    void noKeyAnUnknownKeyOrARevokedKeyIs401() {
        List<String> keys = new ArrayList<>(List.of("phx_" + "x".repeat(43), "not-a-key"));
        keys.add(null);
        if (target.isInProcess()) {
            String revoked = target.inProcess().keyFor(target.inProcess().devUser(), Set.of(Scope.ALL), Set.of());
            target.inProcess().revoke(revoked);
            keys.add(revoked);
        }
        for (String key : keys) {
            Answer answer = api.get(ME, key);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("code").asText()).isEqualTo("authentication_failed");
            assertThat(answer.response().headers().firstValue("WWW-Authenticate"))
                    .isPresent();
        }
    }

    @Test
    void meIsTheOnlyUserPath() {
        for (String path : new String[] {"/api/users/me/", "/api/users/1/", "/api/users/"}) {
            assertThat(api.get(path, admin).status()).as(path).isEqualTo(404);
        }
    }
}
