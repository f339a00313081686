package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /api/schema/} serves the checked-in document, and the document really refuses answers that drift. */
class SchemaContractTest extends ContractTest {
    static final String STATUS = "/api/projects/1/data_warehouse/warehouse_status/";
    static final String READY = "{\"team_name\":\"1\",\"state\":\"ready\",\"status_message\":\"Infrastructure ready\","
            + "\"ready_at\":\"2026-03-14T09:26:53.589793Z\",\"failed_at\":null,\"database_name\":\"sales\","
            + "\"password_last_set_at\":null,\"org_id\":\"0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10\",\"schema_name\":null,"
            + "\"connection\":{\"host\":\"127.0.0.1\",\"port\":15432,"
            + "\"database\":\"sales\",\"username\":\"wh_sales\","
            + "\"jdbc_url\":\"jdbc:postgresql://127.0.0.1:15432/sales?sslmode=require\",\"sslmode\":\"require\"}}";

    @Test
    void theServedDocumentIsTheCheckedInFileWithoutAuthentication() {
        for (String path : new String[] {"/api/schema/", "/api/schema", "/api/schema/?format=yaml"}) {
            Answer answer = api.get(path, null);

            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
            assertThat(answer.text())
                    .as(path)
                    .isEqualTo(OpenApiDocument.checkedIn().text());
        }
    }

    @Test
    void theJsonFormatIsTheSameDocument() throws IOException {
        Answer answer = api.get("/api/schema/?format=json", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json())
                .isEqualTo(new ObjectMapper(new YAMLFactory())
                        .readTree(OpenApiDocument.checkedIn().text()));
    }

    @Test
    void pingAnswersAConstantWithoutAuthentication() {
        for (String path : new String[] {"/api/ping/", "/api/ping"}) {
            Answer answer = api.get(path, null);

            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.text()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void anUnknownFormatIs400() {
        Answer answer = api.get("/api/schema/?format=xml", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("format must be yaml or json");
    }

    @Test
    void theDocumentAcceptsAWellFormedAnswer() {
        assertThat(problems("GET", STATUS, 200, READY)).isEmpty();
        assertThat(problems("GET", STATUS.substring(0, STATUS.length() - 1), 200, READY))
                .as("the slash-less path is the same operation")
                .isEmpty();
        assertThat(problems("GET", STATUS.replace("projects", "environments"), 200, READY))
                .isEmpty();
    }

    @Test
    void theDocumentRefusesAnswersThatDriftFromIt() {
        assertThat(problems("GET", STATUS, 200, READY.replace("\"database_name\"", "\"extra\":1,\"database_name\"")))
                .as("an unknown field")
                .isNotEmpty();
        assertThat(problems("GET", STATUS, 200, READY.replace(".589793Z", "Z")))
                .as("a timestamp of another width")
                .isNotEmpty();
        assertThat(problems("GET", STATUS, 200, READY.replace("\"failed_at\":null,", "")))
                .as("a missing nullable timestamp")
                .isNotEmpty();
        assertThat(problems("GET", STATUS, 200, READY.replace("\"ready\"", "\"almost\"")))
                .as("an unknown state")
                .isNotEmpty();
        assertThat(problems("GET", STATUS, 418, "{\"error\":\"teapot\"}"))
                .as("an undocumented status")
                .isNotEmpty();
        assertThat(problems("GET", STATUS, 404, "{\"detail\":\"Not found.\"}"))
                .as("neither error shape")
                .isNotEmpty();
        assertThat(problems("GET", "/api/nowhere", 200, "{}"))
                .as("an unknown path that does not answer 404")
                .isNotEmpty();
        assertThat(problems("DELETE", STATUS, 404, "{\"error\":\"Not found\"}"))
                .as("a wrong method that does not answer 405")
                .isNotEmpty();
    }

    private static List<String> problems(String method, String path, int status, String body) {
        HttpHeaders headers =
                HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        return OpenApiDocument.checkedIn().problems(method, path, status, headers, body);
    }
}
