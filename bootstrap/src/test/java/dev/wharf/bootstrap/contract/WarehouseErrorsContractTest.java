package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import org.junit.jupiter.api.Test;

/** Refusals of the warehouse endpoints: no warehouse, bad names, bad bodies, unknown paths and wrong methods. */
class WarehouseErrorsContractTest extends ContractTest {

    @Test
    void theStatusOfAProjectWithoutAWarehouseIsNotFound() {
        Answer answer = api.get(path(target.newProject(), "warehouse_status/"), admin);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"error\":\"warehouse not found\"}");
    }

    @Test
    void deprovisionOfNoWarehouseIsDoneAlreadyAndResetIsNotFound() {
        ProjectId project = target.newProject();

        Answer deprovision = api.post(path(project, "deprovision"), admin, null, null);
        assertThat(deprovision.status()).isEqualTo(202);
        assertThat(deprovision.text())
                .isEqualTo("{\"status\":\"deprovisioning started\",\"team\":\"" + project + "\"}");
        assertThat(api.get(path(project, "warehouse_status"), admin).status())
                .as("nothing was made")
                .isEqualTo(404);
        assertThat(api.post(path(project, "reset-password"), admin, null, null).error())
                .isEqualTo("warehouse not found");
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsWritten() {
        ProjectId project = target.scratchProject();
        String before = api.get(path(project, "warehouse_status"), admin).text();

        assertThat(api.postJson(path(project, "provision"), admin, "{}").error())
                .isEqualTo("database_name is required");
        assertThat(provision(project, "Bad_Name").status()).isEqualTo(400);
        assertThat(provision(project, "ab").error()).isEqualTo("database_name must be between 3 and 63 characters");
        assertNothingWritten(project, before);
    }

    @Test
    void badRequestsAre4xxWithAClearBody() {
        ProjectId project = target.scratchProject();
        String before = api.get(path(project, "warehouse_status"), admin).text();
        String provision = path(project, "provision");

        assertThat(api.postJson(provision, admin, "{\"database_name\":").error())
                .isEqualTo("Malformed JSON in request body");
        assertThat(api.postJson(provision, admin, "{\"database_name\":\"abc\",\"x\":1}")
                        .error())
                .isEqualTo("Unknown field 'x'");
        assertThat(api.postJson(provision, admin, "{\"database_name\":5}").status())
                .isEqualTo(400);
        assertThat(api.postJson(provision, admin, "{\"database_name\":\"abc\",\"database_name\":\"abd\"}")
                        .error())
                .isEqualTo("Duplicate field 'database_name'");
        assertThat(api.postJson(provision, admin, "[]").status()).isEqualTo(400);
        Answer wrongType = api.post(provision, admin, "text/plain", "database_name=abc");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.error()).isEqualTo("Content-Type must be application/json");
        Answer huge = api.postJson(provision, admin, "{\"database_name\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.error()).isEqualTo("Request body is larger than 64 KiB");
        assertNothingWritten(project, before);
        assertThat(api.get("/api/projects/1/data_warehouse/nothing-here", admin).status())
                .isEqualTo(404);
    }

    @Test
    void aMethodAPathDoesNotTakeIs405() {
        Answer get = api.get(path(ProjectId.of(1), "provision/"), admin);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.error()).isEqualTo("Method not allowed");
        assertThat(get.response().headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));

        Answer post = api.post(path(ProjectId.of(1), "warehouse_status"), admin, null, null);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.error()).isEqualTo("Method not allowed");
    }

    /** The status is what it was; in process the project is new, so that is still "no warehouse". */
    private static void assertNothingWritten(ProjectId project, String before) {
        Answer after = api.get(path(project, "warehouse_status"), admin);
        assertThat(after.text()).as("nothing was written").isEqualTo(before);
        if (target.isInProcess()) {
            assertThat(after.status()).as("nothing was written").isEqualTo(404);
        }
    }
}
