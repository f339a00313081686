package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests the server refuses before any operation sees them get the API's JSON error body (the document's {@code
 * MalformedRequest}), for every method, and a client that sends a body the API does not read still reads the answer.
 */
class MalformedRequestContractTest extends ContractTest {
    private static final String STATUS = "/data_warehouse/warehouse_status/";

    @Test
    void aRequestTargetTheServerWillNotRouteIs400WithAnErrorBody() {
        Answer slash = api.get("/api/projects/1%2F2" + STATUS, admin);
        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.text()).isEqualTo("{\"error\":\"Ambiguous URI path separator\"}");
        assertThat(slash.response().headers().firstValue("Content-Type")).hasValue("application/json");

        for (String target : new String[] {"/api/projects/%C3%28" + STATUS, "/api/projects/%00" + STATUS}) {
            Answer answer = api.get(target, admin);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.error()).as(target).isNotBlank();
        }
    }

    @Test
    void everyMethodGetsTheBodyNotOnlyGetAndPost() {
        Answer patch =
                api.send("PATCH", "/api/projects/1/data_warehouse/jobs/%2e%2e/", admin, "application/json", "{}");

        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.text()).isEqualTo("{\"error\":\"Ambiguous URI path segment\"}");
    }

    @Test
    void aRequestLineWithoutAVersionIs400NotA5xx() {
        RawHttp.Answer answer = new RawHttp(target.baseUrl())
                .send("GET", "/api/schema/?format=\n".getBytes(StandardCharsets.US_ASCII), List.of(), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"HTTP/0.9 not supported\"}");
    }

    @Test
    void aTargetOrHeadersOver8KiBAre414And431WithAnErrorBody() {
        Answer longTarget = api.get("/api/projects/1" + STATUS + "?x=" + "a".repeat(9_000), admin);
        assertThat(longTarget.status()).isEqualTo(414);
        assertThat(longTarget.text()).isEqualTo("{\"error\":\"URI Too Long\"}");

        Answer longKey = api.get("/api/projects/1" + STATUS, "phx_" + "a".repeat(9_000));
        assertThat(longKey.status()).isEqualTo(431);
        assertThat(longKey.error()).isEqualTo("Request Header Fields Too Large");
    }

    @Test
    void aBodyCutShortIs400WithAnErrorBodyAndDoesNothing() {
        ProjectId project = target.scratchProject();
        String before = api.get(path(project, "warehouse_status"), admin).text();
        RawHttp raw = new RawHttp(target.baseUrl());

        RawHttp.Answer cut = raw.sendCutShort(
                "POST",
                path(project, "provision"),
                List.of(
                        RawHttp.line("Authorization", "Bearer " + admin),
                        RawHttp.line("Content-Type", "application/json")),
                200,
                "{\"database_name\": \"cut".getBytes(StandardCharsets.US_ASCII));

        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.body()).isEqualTo("{\"error\":\"The request body ended before its declared length\"}");
        assertThat(api.get(path(project, "warehouse_status"), admin).text())
                .as("nothing was written (against a running Wharf the scratch project may have had warehouses)")
                .isEqualTo(before);
    }

    @Test
    void aBodyTheApiDoesNotReadDoesNotCostTheClientItsAnswer() {
        String tooLarge = "{\"database_name\":\"" + "a".repeat(500_000) + "\"}";
        String unread = "{\"database_name\":\"" + "a".repeat(60_000) + "\"}";
        for (int i = 0; i < 40; i++) {
            assertThat(api.postJson(path(ProjectId.of(1), "provision"), admin, tooLarge)
                            .status())
                    .isEqualTo(413);
            assertThat(api.postJson(path(ProjectId.of(1), "provision"), null, unread)
                            .status())
                    .isEqualTo(401);
        }
    }
}
