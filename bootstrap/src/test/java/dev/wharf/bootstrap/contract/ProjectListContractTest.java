package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.UserId;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/projects/}: PostHog's shape, the paging, and that a key lists exactly the projects it may touch.
 * The callers other than the admin key are arranged in process, each in organizations of its own.
 */
class ProjectListContractTest extends ContractTest {
    static final String LIST = "/api/projects/";
    static final String INVALID = "Invalid limit or offset parameter";
    static final String MISSING_READ = "{\"type\":\"authentication_error\",\"code\":\"permission_denied\","
            + "\"detail\":\"API key missing required scope 'warehouse_view:read'\",\"attr\":null}";

    private static List<Long> ids(Answer page) {
        List<Long> ids = new ArrayList<>();
        page.json().get("results").forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theAdminKeyListsProjectsByIdInPostHogsShapeWithOrWithoutTheSlash() {
        for (String path : new String[] {LIST, "/api/projects"}) {
            Answer page = api.get(path + "?limit=50", admin);

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.json().get("count").asLong())
                    .isGreaterThanOrEqualTo(ids(page).size());
            assertThat(ids(page)).isNotEmpty().isSorted().doesNotHaveDuplicates();
            for (JsonNode row : page.json().get("results")) {
                assertThat(row.get("effective_membership_level").asInt()).isIn(1, 8, 15);
                assertThat(ZoneId.of(row.get("timezone").asText())).isNotNull();
            }
            assertThat(page.json().get("previous").isNull()).isTrue();
            RateLimitContractTest.assertNoLimitHeaders(page);
        }
    }

    @Test
    void pagesLinkToTheirNeighboursWithRelativeQueryStrings() {
        Answer first = api.get(LIST + "?limit=1", admin);
        Answer second = api.get(LIST + "?limit=1&offset=1", admin);
        Answer capped = api.get("/api/projects?limit=500&offset=-3", admin);
        long count = first.json().get("count").asLong();

        assertThat(ids(first)).hasSize(1);
        assertThat(first.json().get("next").asText(null)).isEqualTo(count > 1 ? "?limit=1&offset=1" : null);
        assertThat(second.json().get("previous").asText()).isEqualTo("?limit=1&offset=0");
        assertThat(capped.status()).isEqualTo(200);
        assertThat(ids(capped)).hasSize((int) Math.min(count, 50));
        assertThat(ids(capped).get(0)).isEqualTo(ids(first).get(0));
    }

    @Test
    void aBadLimitOrOffsetIs400WithTheDocumentedBody() {
        for (String bad : new String[] {"limit=0", "limit=abc", "limit=-2", "offset=1.5", "limit=%D9%A1", "limit="}) {
            Answer refused = api.get(LIST + "?" + bad, admin);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.text()).as(bad).isEqualTo("{\"error\":\"" + INVALID + "\"}");
        }
    }

    @Test
    void aUserInTwoOrganizationsSeesTheProjectsOfBothWithItsLevelInEach() {
        InProcessWharf wharf = target.inProcess();
        OrganizationId owned = wharf.organization(unique("Owned"));
        OrganizationId joined = wharf.organization(unique("Joined"));
        OrganizationId elsewhere = wharf.organization(unique("Elsewhere"));
        ProjectId shop = wharf.project(owned, "Shop", ZoneId.of("Asia/Kolkata"));
        ProjectId blog = wharf.project(owned, "Blog", ZoneOffset.UTC);
        ProjectId shared = wharf.project(joined, "Shared", ZoneId.of("America/New_York"));
        wharf.project(elsewhere, unique("Hidden"), ZoneOffset.UTC);
        UserId user = wharf.user(unique("two") + "@example.com", owned, OrganizationRole.OWNER);
        wharf.join(user, joined, OrganizationRole.MEMBER);
        String key = wharf.keyFor(user, Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());

        Answer page = api.get(LIST, key);

        assertThat(page.json().get("count").asLong()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(shop.value(), blog.value(), shared.value());
        JsonNode first = page.json().get("results").get(0);
        assertThat(first.get("organization").asText()).isEqualTo(owned.toString());
        assertThat(first.get("name").asText()).isEqualTo("Shop");
        assertThat(first.get("timezone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(first.get("effective_membership_level").asInt()).isEqualTo(15);
        JsonNode third = page.json().get("results").get(2);
        assertThat(third.get("organization").asText()).isEqualTo(joined.toString());
        assertThat(third.get("timezone").asText()).isEqualTo("America/New_York");
        assertThat(third.get("effective_membership_level").asInt()).isEqualTo(1);
        assertThat(page.json().get("next").isNull()).isTrue();
        assertThat(page.text()).doesNotContain("Hidden").doesNotContain(elsewhere.toString());
    }

    @Test
    void aMemberOfOneOrganizationNeverSeesAnothersProjectsAndSeesWhatItMayTouch() {
        InProcessWharf wharf = target.inProcess();
        OrganizationId mine = wharf.organization(unique("Mine"));
        OrganizationId theirs = wharf.organization(unique("Theirs"));
        ProjectId own = wharf.project(mine, "Own", ZoneOffset.UTC);
        ProjectId other = wharf.project(theirs, unique("Secret"), ZoneOffset.UTC);
        wharf.user(unique("owner") + "@example.com", theirs, OrganizationRole.OWNER);
        UserId member = wharf.user(unique("member") + "@example.com", mine, OrganizationRole.MEMBER);
        String key = wharf.keyFor(member, Set.of(Scope.ALL), Set.of());

        Answer page = api.get(LIST, key);

        assertThat(ids(page)).containsExactly(own.value());
        assertThat(page.json().get("count").asLong()).isEqualTo(1);
        assertThat(page.text()).doesNotContain("Secret");
        assertThat(api.get(path(own, "running_activity/"), key).status())
                .as("a listed project is one the key may read")
                .isEqualTo(200);
        assertThat(api.get(path(other, "running_activity/"), key).text())
                .as("an unlisted one is not")
                .isEqualTo(AccessContractTest.NOT_FOUND);
    }

    @Test
    void aKeyLimitedToOneProjectListsOnlyThatOne() {
        InProcessWharf wharf = target.inProcess();
        OrganizationId organization = wharf.organization(unique("Limited"));
        ProjectId reached = wharf.project(organization, "Reached", ZoneOffset.UTC);
        wharf.project(organization, unique("Unreached"), ZoneOffset.UTC);
        UserId user = wharf.user(unique("limited") + "@example.com", organization, OrganizationRole.ADMIN);
        String key = wharf.keyFor(user, Set.of(Scope.ALL), Set.of(reached));

        Answer page = api.get(LIST, key);

        assertThat(ids(page)).containsExactly(reached.value());
        assertThat(page.json().get("count").asLong()).isEqualTo(1);
        assertThat(page.text()).doesNotContain("Unreached");
        assertThat(ids(api.get(LIST, wharf.principals().limitedToOtherProject())))
                .as("the admin's key limited to one project of the default organization")
                .hasSize(1);
    }

    @Test
    void aKeyWithoutTheReadScopeIs403AndOneThatCoversItIsServed() {
        InProcessWharf wharf = target.inProcess();
        UserId user = wharf.devUser();
        String jobsOnly = wharf.keyFor(user, Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());
        String write = wharf.keyFor(user, Set.of(Scope.WAREHOUSE_VIEW_WRITE), Set.of());

        Answer refused = api.get(LIST + "?limit=abc", jobsOnly);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).isEqualTo(MISSING_READ);
        assertThat(api.get(LIST, write).status()).isEqualTo(200);
        assertThat(api.get(LIST, wharf.principals().readOnly()).status()).isEqualTo(200);
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
            Answer answer = api.get(LIST, key);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("code").asText()).isEqualTo("authentication_failed");
        }
    }
}
