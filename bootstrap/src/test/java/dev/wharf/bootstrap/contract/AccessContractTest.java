package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.bootstrap.contract.InProcessWharf.Principals;
import dev.wharf.domain.project.ProjectId;
import org.junit.jupiter.api.Test;

/** Authentication, project visibility, scopes and roles. Other callers can only be arranged in process. */
class AccessContractTest extends ContractTest {
    static final String NOT_FOUND =
            "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\",\"attr\":null}";

    @Test
    void noKeyOrAnUnknownKeyIs401InPostHogsShape() {
        for (String key : new String[] {null, "phx_" + "x".repeat(43), "not-a-key"}) {
            Answer answer = api.get(path(ProjectId.of(1), "warehouse_status"), key);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("type").asText()).isEqualTo("authentication_error");
            assertThat(answer.json().get("code").asText()).isEqualTo("authentication_failed");
            assertThat(answer.json().get("attr").isNull()).isTrue();
            assertThat(answer.response().headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    void aProjectThatDoesNotExistIs404InPostHogsShape() {
        assertThat(api.get(path(ProjectId.of(999_999), "warehouse_status"), admin)
                        .text())
                .isEqualTo(NOT_FOUND);
        Answer notNumeric = api.get("/api/projects/abc/data_warehouse/warehouse_status", admin);
        assertThat(notNumeric.status()).isEqualTo(404);
        assertThat(notNumeric.text()).isEqualTo(NOT_FOUND);
    }

    @Test
    void aProjectTheCallerCannotSeeIsTheSame404() {
        Principals callers = target.inProcess().principals();

        assertThat(api.get(path(ProjectId.of(1), "warehouse_status"), callers.outsider())
                        .text())
                .isEqualTo(NOT_FOUND);
        assertThat(api.get(path(ProjectId.of(1), "warehouse_status"), callers.limitedToOtherProject())
                        .text())
                .isEqualTo(NOT_FOUND);
    }

    @Test
    void aKeyWithoutTheWriteScopeCannotManage() {
        String readOnly = target.inProcess().principals().readOnly();

        Answer answer =
                api.postJson(path(ProjectId.of(1), "provision"), readOnly, "{\"database_name\": \"scope-test\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text())
                .isEqualTo("{\"type\":\"authentication_error\",\"code\":\"permission_denied\","
                        + "\"detail\":\"API key missing required scope 'warehouse_view:write'\",\"attr\":null}");
        assertThat(api.get(path(ProjectId.of(1), "check-database-name?name=abc"), readOnly)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aMemberWhoIsNotAnAdminCannotManageOrReset() {
        String member = target.inProcess().principals().member();
        ProjectId project = target.newProject();

        assertThat(api.postJson(path(project, "provision"), member, "{\"database_name\": \"member-x\"}")
                        .error())
                .isEqualTo("Only organization admins can provision the managed warehouse");
        Answer deprovision = api.post(path(project, "deprovision"), member, null, null);
        assertThat(deprovision.status()).isEqualTo(403);
        assertThat(deprovision.error()).isEqualTo("Only organization admins can deprovision the managed warehouse");
        Answer reset = api.post(path(project, "reset-password"), member, null, null);
        assertThat(reset.status()).isEqualTo(403);
        assertThat(reset.error())
                .isEqualTo("Only organization admins can reset the root password for the managed warehouse");
        assertThat(api.get(path(project, "warehouse_status"), member).status())
                .as("members may read")
                .isEqualTo(404);
    }
}
