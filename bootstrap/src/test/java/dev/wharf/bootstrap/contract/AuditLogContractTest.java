package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.bootstrap.contract.InProcessWharf.Principals;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.ProjectId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET audit_log}: what is recorded for each outcome, the pages, and who may read it. */
class AuditLogContractTest extends ContractTest {
    static final String INTS = "Invalid limit or offset parameter";

    private static List<String> summary(Answer page) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : page.json().get("results")) {
            rows.add(row.get("action").asText() + " " + row.get("outcome").asText() + " "
                    + row.get("detail").asText(null));
        }
        return rows;
    }

    @Test
    void everyManagementRequestAndEveryRefusalOfOneForLackOfRightsIsListedNewestFirst() {
        InProcessWharf wharf = target.inProcess();
        Principals callers = wharf.principals();
        ProjectId project = wharf.project();
        provision(project, "audited-" + project);
        api.post(path(project, "reset-password"), callers.member(), null, null);
        api.post(path(project, "deprovision"), callers.readOnly(), null, null);
        api.post(path(project, "deprovision"), callers.outsider(), null, null);
        provision(project, "again-" + project);

        Answer log = api.get(path(project, "audit_log/"), admin);

        assertThat(log.status()).isEqualTo(200);
        assertThat(summary(log))
                .containsExactly(
                        "provision failed warehouse already exists in non-terminal state",
                        "deprovision denied API key missing required scope 'warehouse_view:write'",
                        "reset-password denied Only organization admins can reset the root password for the managed"
                                + " warehouse",
                        "provision succeeded null");
        JsonNode newest = log.json().get("results").get(0);
        assertThat(newest.get("user_id").asText()).isEqualTo(wharf.devUser().toString());
        assertThat(newest.get("api_key_id").asText())
                .isEqualTo(wharf.keyId(admin).toString());
        assertThat(newest.get("project_id").asLong()).isEqualTo(project.value());
        JsonNode readOnly = log.json().get("results").get(1);
        assertThat(readOnly.get("api_key_id").asText())
                .isEqualTo(wharf.keyId(callers.readOnly()).toString());
        assertThat(log.text())
                .doesNotContain(
                        admin,
                        wharf.digestOf(admin),
                        ApiKeySecret.parse(admin).plainSha256(),
                        callers.readOnly(),
                        callers.member());
        assertThat(log.json().get("next").isNull()).isTrue();
    }

    @Test
    void aThrottledRequestIsRecorded() {
        target.inProcess(RateLimitContractTest.USES_UP);
        List<ProjectId> used = new ArrayList<>();
        RateLimitContractTest.usingOneWindow(project -> {
            used.add(project);
            List<Answer> sent = new ArrayList<>();
            for (int i = 0; i <= RateLimitContractTest.LIMIT; i++) {
                sent.add(api.post(path(project, "deprovision"), admin, null, null));
            }
            return sent;
        });

        List<String> rows = summary(api.get(path(used.get(used.size() - 1), "audit_log?limit=50"), admin));

        assertThat(rows).contains("deprovision throttled null");
        assertThat(rows).hasSize(RateLimitContractTest.LIMIT + 1);
    }

    @Test
    void theLogIsPagedLikeRunningActivityUnderBothPrefixes() {
        ProjectId project = target.inProcess().project();
        for (int i = 0; i < 3; i++) {
            api.post(path(project, "reset-password"), admin, null, null);
        }

        Answer first = api.get(path(project, "audit_log?limit=2"), admin);
        Answer second = api.get("/api/environments/" + project + "/data_warehouse/audit_log/?limit=2&offset=2", admin);
        Answer capped =
                api.get("/api/environments/" + project + "/data_warehouse/audit_log?limit=500&offset=-3", admin);

        assertThat(first.json().get("results")).hasSize(2);
        assertThat(first.json().get("next").asText()).isEqualTo("?limit=2&offset=2");
        assertThat(first.json().get("previous").isNull()).isTrue();
        assertThat(second.json().get("results")).hasSize(1);
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(second.json().get("previous").asText()).isEqualTo("?limit=2&offset=0");
        assertThat(summary(second)).containsExactly("reset-password failed warehouse not found");
        assertThat(capped.json().get("results")).hasSize(3);
        for (String bad : new String[] {"limit=0", "limit=abc", "offset=1.5", "limit=-2"}) {
            Answer refused = api.get(path(project, "audit_log/?" + bad), admin);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.error()).isEqualTo(INTS);
        }
    }

    @Test
    void onlyOrganizationAdminsMayReadIt() {
        Principals callers = target.inProcess().principals();
        ProjectId project = target.newProject();

        Answer member = api.get(path(project, "audit_log/"), callers.member());
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.error()).isEqualTo("Only organization admins can view the audit log");
        assertThat(api.get(path(project, "audit_log/"), callers.outsider()).text())
                .isEqualTo(AccessContractTest.NOT_FOUND);
        assertThat(api.get(path(project, "audit_log/"), callers.readOnly()).status())
                .as("an admin's read-only key")
                .isEqualTo(200);
        assertThat(api.get(path(project, "audit_log/"), null).status()).isEqualTo(401);
    }

    @Test
    void theAdminKeyReadsTheLogOfItsProject() {
        Answer log = api.get(path(ProjectId.of(1), "audit_log/?limit=5"), admin);

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().get("results").size()).isLessThanOrEqualTo(5);
    }
}
