package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import org.junit.jupiter.api.Test;

/** {@code schema_name} on provision and in warehouse_status, and {@code GET check-schema-name}. */
class SchemaNameContractTest extends ContractTest {

    private static String schemaFor(ProjectId project) {
        return "s_" + target.databaseName("schema", project).replace('-', '_');
    }

    @Test
    void aChosenSchemaIsShownAndHeldForTheOrganization() {
        ProjectId project = target.scratchProject();
        String schema = schemaFor(project);
        Answer started = api.postJson(
                path(project, "provision"),
                admin,
                "{\"database_name\": \"" + target.databaseName("schema", project) + "\", \"schema_name\": \"" + schema
                        + "\"}");
        assertThat(started.status()).isEqualTo(202);

        Answer status = awaitState(project, "ready");
        assertThat(status.json().get("schema_name").asText()).isEqualTo(schema);
        assertThat(api.get(path(project, "check-schema-name?name=" + schema), admin)
                        .text())
                .as("the project's own schema is still its to choose")
                .isEqualTo("{\"name\":\"" + schema + "\",\"available\":true}");

        ProjectId sibling = target.newProject();
        Answer taken = api.get(path(sibling, "check-schema-name/?name=" + schema), admin);
        assertThat(taken.text())
                .isEqualTo("{\"name\":\"" + schema + "\",\"available\":false,\"reason\":\"schema_name is already used"
                        + " by another project of this organization\"}");
        Answer refused = api.postJson(
                path(sibling, "provision"),
                admin,
                "{\"database_name\": \"" + target.databaseName("sibling", sibling) + "\", \"schema_name\": \"" + schema
                        + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("schema_name is already used by another project of this organization");
        assertThat(api.get(path(sibling, "warehouse_status"), admin).status())
                .as("nothing was written")
                .isEqualTo(404);
    }

    @Test
    void withoutAChosenSchemaTheStatusSaysNull() {
        ProjectId project = target.scratchProject();
        provision(project, target.databaseName("noschema", project));

        Answer status = api.get(path(project, "warehouse_status"), admin);
        assertThat(status.json().has("schema_name")).isTrue();
        assertThat(status.json().get("schema_name").isNull()).isTrue();
    }

    @Test
    void anInvalidSchemaNameIsRefusedWithTheRuleItBreaks() {
        ProjectId project = target.scratchProject();
        String name = target.databaseName("badschema", project);
        // Against a running Wharf the scratch project may have had warehouses (deleted or failed): compare, not assume.
        Answer before = api.get(path(project, "warehouse_status"), admin);

        assertError(check(project, ""), "schema_name must be 1 to 63 characters");
        assertError(check(project, "s".repeat(64)), "schema_name must be 1 to 63 characters");
        assertError(check(project, "Sales"), "schema_name must contain only lowercase letters, digits and underscores");
        assertError(check(project, "9lives"), "schema_name must not start with a digit");
        assertError(check(project, "pg_sales"), "schema_name must not start with pg_ (PostgreSQL keeps those names)");
        assertError(
                check(project, "public"),
                "schema_name must not be public or information_schema (every PostgreSQL database already has them)");
        assertError(api.get(path(project, "check-schema-name"), admin), "schema_name is required");
        for (String body : new String[] {
            "{\"database_name\": \"" + name + "\", \"schema_name\": \"Bad-Schema\"}",
            "{\"database_name\": \"" + name + "\", \"schema_name\": \"\"}",
            "{\"database_name\": \"" + name + "\", \"schema_name\": 7}"
        }) {
            Answer refused = api.postJson(path(project, "provision"), admin, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
        }
        Answer after = api.get(path(project, "warehouse_status"), admin);
        assertThat(after.status()).as("nothing was written").isEqualTo(before.status());
        assertThat(after.text()).as("nothing was written").isEqualTo(before.text());
    }

    @Test
    void onlyOrganizationAdminsMayCheckSchemaNames() {
        String member = target.inProcess().principals().member();
        String readOnlyAdmin = target.inProcess().principals().readOnly();
        ProjectId project = target.newProject();

        Answer refused = api.get(path(project, "check-schema-name?name=sales"), member);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error())
                .isEqualTo("Only organization admins can check schema names for the managed warehouse");
        assertThat(api.get(path(project, "check-schema-name?name=sales"), readOnlyAdmin)
                        .status())
                .as("reading is enough for an admin")
                .isEqualTo(200);
    }

    private static Answer check(ProjectId project, String name) {
        return api.get(path(project, "check-schema-name?name=" + name), admin);
    }

    private static void assertError(Answer answer, String error) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo(error);
    }
}
