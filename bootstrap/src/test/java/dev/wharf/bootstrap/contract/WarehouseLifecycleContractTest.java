package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A warehouse's life over HTTP: provision, ready, reset with a real login through the PostgreSQL JDBC driver (the
 * {@code jdbc_url} and username exactly as warehouse_status and reset-password give them), deprovision, provision again.
 */
class WarehouseLifecycleContractTest extends ContractTest {

    @Test
    void aWarehouseIsProvisionedBecomesReadyWithinTwoSecondsAndTakesAResetPassword() throws SQLException {
        ProjectId project = target.scratchProject();
        String database = target.databaseName("sales", project);
        long start = System.nanoTime();

        Answer accepted = provision(project, database);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text()).isEqualTo("{\"status\":\"provisioning started\",\"team\":\"" + project + "\"}");

        Answer ready = awaitState(project, "ready");
        assertThat(System.nanoTime() - start).as("ready within 2 s of the 202").isLessThan(2_000_000_000L);
        assertThat(ready.json().get("team_name").asText()).isEqualTo(project.toString());
        assertThat(ready.json().get("status_message").asText()).isEqualTo("Infrastructure ready");
        assertThat(ready.json().get("failed_at").isNull()).isTrue();
        assertThat(ready.json().get("password_last_set_at").isNull()).isTrue();
        assertThat(ready.json().get("ready_at").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        JsonNode connection = ready.json().get("connection");
        int port = connection.get("port").asInt();
        target.configuredWarehousePort()
                .ifPresent(configured -> assertThat(port).isEqualTo(configured));
        String jdbcUrl = connection.get("jdbc_url").asText();
        String username = connection.get("username").asText();
        assertThat(jdbcUrl)
                .endsWith(
                        "/" + database + "?sslmode=" + connection.get("sslmode").asText());
        assertThat(ready.text()).doesNotContain("password\":\"");

        Answer reset = api.post(path(project, "reset-password/"), admin, null, null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.response().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String password = reset.json().get("password").asText();
        assertThat(password).matches("[A-Za-z0-9_-]{43}");
        assertThat(reset.json().get("username").asText()).isEqualTo(username);

        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 40 + 2, current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
            assertThat(rows.getString(2)).isEqualTo(database);
        }
        Answer second = api.post(path(project, "reset-password"), admin, null, null);
        assertThat(second.json().get("password_last_set_at").asText())
                .isGreaterThan(reset.json().get("password_last_set_at").asText());
        assertThat(canLogIn(jdbcUrl, username, password))
                .as("the old password is refused")
                .isFalse();
        assertThat(canLogIn(jdbcUrl, username, second.json().get("password").asText()))
                .isTrue();
        assertThat(api.get(path(project, "warehouse_status"), admin)
                        .json()
                        .get("password_last_set_at")
                        .asText())
                .isEqualTo(second.json().get("password_last_set_at").asText());
    }

    static boolean canLogIn(String jdbcUrl, String username, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password);
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException refused) {
            return false;
        }
    }

    @Test
    void theEnvironmentsAliasAnswersTheSame() {
        ProjectId project = target.scratchProject();
        String database = target.databaseName("alias", project);
        provision(project, database);

        Answer viaEnvironment = api.get("/api/environments/" + project + "/data_warehouse/warehouse_status/", admin);

        assertThat(viaEnvironment.status()).isEqualTo(200);
        assertThat(viaEnvironment.json().get("database_name").asText()).isEqualTo(database);
    }

    @Test
    void aDeprovisionedWarehouseFreesItsNameAndCanBeProvisionedAgain() {
        ProjectId project = target.scratchProject();
        String database = target.databaseName("cycle", project);
        provision(project, database);
        awaitState(project, "ready");

        Answer accepted = api.post(path(project, "deprovision"), admin, null, null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text()).isEqualTo("{\"status\":\"deprovisioning started\",\"team\":\"" + project + "\"}");
        assertThat(awaitState(project, "deleted").json().get("status_message").asText())
                .isEqualTo("Resources deleted");
        Answer again = api.post(path(project, "deprovision"), admin, null, null);
        assertThat(again.status())
                .as("a deleted warehouse's deprovision is done already")
                .isEqualTo(202);
        assertThat(again.text()).isEqualTo(accepted.text());

        assertThat(provision(project, database).status()).isEqualTo(202);
        assertThat(awaitState(project, "ready").json().get("state").asText()).isEqualTo("ready");
    }

    @Test
    void resetIsRefusedUntilTheWarehouseIsReady() {
        ProjectId project = target.scratchProject();
        provision(project, target.databaseName("early", project));
        awaitState(project, "ready");
        api.post(path(project, "deprovision"), admin, null, null);

        Answer answer = api.post(path(project, "reset-password"), admin, null, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.error()).isEqualTo("warehouse must be in ready state to reset password");
    }

    @Test
    void aSecondProvisionIsAConflict() {
        ProjectId project = target.scratchProject();
        provision(project, target.databaseName("taken", project));

        Answer again = provision(project, target.databaseName("again", project));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("warehouse already exists in non-terminal state");
    }

    @Test
    void aNameTakenByAnotherProjectIsAConflict() {
        ProjectId first = target.newProject();
        ProjectId second = target.newProject();
        provision(first, "taken-" + first);

        Answer taken = provision(second, "taken-" + first);

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).isEqualTo("database name is already taken");
    }
}
