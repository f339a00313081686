package dev.wharf.adapters.out.provisioning.duckgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FakeDuckgres} refuses what duckgres refuses, with duckgres' status: one row per rule of the reference
 * ({@code /work/shared/reference/duckgres-provisioning-api.md}, section named in each row), each a request the real
 * duckgres refuses. The tests after the table check what it must accept.
 */
class FakeDuckgresRefusesWhatDuckgresRefusesTest {
    private static final String SECRET = "admin-secret";
    private static final String MEMBER = "member-secret";
    private static final String ORG = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    private static final String OTHER_ORG = "other-org";
    private static final String VALID = "{\"database_name\": \"sales\", \"team_id\": 7,"
            + " \"metadata_store\": {\"type\": \"cnpg-shard\"}, \"ducklake\": {\"enabled\": true}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FakeDuckgres duckgres;

    /** What happened before the request. */
    interface Setup {
        void apply(FakeDuckgresRefusesWhatDuckgresRefusesTest test) throws Exception;
    }

    record Rule(
            String reference,
            Setup setup,
            String method,
            String path,
            String secret,
            String body,
            int status,
            String error) {
        @Override
        public String toString() {
            return reference;
        }
    }

    @BeforeEach
    void start() {
        duckgres = new FakeDuckgres(SECRET, false);
        duckgres.nonAdminSecret(MEMBER);
    }

    @AfterEach
    void stop() {
        duckgres.close();
    }

    static Stream<Rule> rules() {
        Setup none = t -> {};
        Setup pending = t -> t.provision(ORG, VALID);
        Setup ready = t -> t.ready(ORG);
        Setup deleting = t -> {
            t.ready(ORG);
            t.call("POST", "/orgs/" + ORG + "/deprovision", SECRET, null);
        };
        Setup deleted = t -> {
            deleting.apply(t);
            t.duckgres.tick();
        };
        Setup failedWithTeam1 = t -> {
            t.duckgres.failProvisioning("quota");
            t.provision(ORG, VALID.replace("\"team_id\": 7", "\"team_id\": 1, \"schema_name\": \"shared\""));
            t.duckgres.tick();
            t.duckgres.tick();
        };
        String provision = "/orgs/" + ORG + "/provision";
        String status = "/orgs/" + ORG + "/warehouse/status";
        return Stream.of(
                new Rule("Transport: no secret is 401", none, "GET", status, null, null, 401, null),
                new Rule("Transport: a wrong secret is 401", none, "POST", provision, "wrong", VALID, 401, null),
                new Rule(
                        "Transport: a mutation without the admin role is 403",
                        none,
                        "POST",
                        provision,
                        MEMBER,
                        VALID,
                        403,
                        null),
                new Rule(
                        "Org ids: not a DNS-1123 label is 400",
                        none,
                        "POST",
                        "/orgs/Org_1/provision",
                        SECRET,
                        VALID,
                        400,
                        null),
                new Rule(
                        "Org ids: an upper-case UUID is not a DNS-1123 label, 400",
                        none,
                        "POST",
                        "/orgs/" + ORG.toUpperCase() + "/provision",
                        SECRET,
                        VALID,
                        400,
                        null),
                new Rule(
                        "Org ids: a slug of more than 35 characters is 400",
                        none,
                        "POST",
                        "/orgs/" + "a".repeat(36) + "/provision",
                        SECRET,
                        VALID,
                        400,
                        FakeProvisionRequest.ORG_ID_SHAPE),
                new Rule(
                        "provision: a body that is not JSON is 400",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        "{not json",
                        400,
                        null),
                new Rule(
                        "provision: database_name is required",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"database_name\": \"sales\",", ""),
                        400,
                        FakeProvisionRequest.DATABASE_NAME_REQUIRED),
                new Rule(
                        "provision: database_name is trimmed, blank is required",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"sales\"", "\"   \""),
                        400,
                        FakeProvisionRequest.DATABASE_NAME_REQUIRED),
                new Rule(
                        "provision: database_name of more than 63 characters is 400",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("sales", "s".repeat(64)),
                        400,
                        FakeProvisionRequest.DATABASE_NAME_TOO_LONG),
                new Rule(
                        "provision: database_name must be a DNS label",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("sales", "Sales_WH"),
                        400,
                        "database_name \"Sales_WH\" must be a valid DNS label"),
                new Rule(
                        "provision: database_name of another type is 400 at decode time",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"sales\"", "42"),
                        400,
                        "invalid request body"),
                new Rule(
                        "provision: metadata_store is required",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"metadata_store\": {\"type\": \"cnpg-shard\"},", ""),
                        400,
                        FakeProvisionRequest.METADATA_STORE_REQUIRED),
                new Rule(
                        "provision: metadata_store of any other type is 400",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("cnpg-shard", "mysql"),
                        400,
                        "unsupported metadata_store type"),
                new Rule(
                        "provision: an external metadata_store needs endpoint and password_aws_secret",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"cnpg-shard\"", "\"external\", \"external\": {}"),
                        400,
                        "metadata_store.external"),
                new Rule(
                        "provision: ducklake is required",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace(", \"ducklake\": {\"enabled\": true}", ""),
                        400,
                        FakeProvisionRequest.DUCKLAKE_REQUIRED),
                new Rule(
                        "provision: ducklake.enabled must be true",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"enabled\": true", "\"enabled\": false"),
                        400,
                        FakeProvisionRequest.DUCKLAKE_REQUIRED),
                new Rule(
                        "provision: ducklake.enabled of another type is 400 at decode time",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"enabled\": true", "\"enabled\": \"true\""),
                        400,
                        "invalid request body"),
                new Rule(
                        "provision: team_id as a quoted string is 400 at decode time",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"team_id\": 7", "\"team_id\": \"7\""),
                        400,
                        "invalid request body"),
                new Rule(
                        "provision: team_id is required when the org does not exist",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"team_id\": 7,", ""),
                        400,
                        FakeProvisionRequest.TEAM_REQUIRED),
                new Rule(
                        "provision: team_id and default_team_id both given and different is 400",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"team_id\": 7", "\"team_id\": 7, \"default_team_id\": 8"),
                        400,
                        null),
                new Rule(
                        "provision: schema_name requires team_id",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"team_id\": 7", "\"schema_name\": \"sales\""),
                        400,
                        FakeProvisionRequest.SCHEMA_NEEDS_TEAM),
                new Rule(
                        "provision: schema_name is lowercase letters, digits, underscores",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"team_id\": 7", "\"team_id\": 7, \"schema_name\": \"Bad-Schema\""),
                        400,
                        "schema_name"),
                new Rule(
                        "provision: trino of another type is 400 at decode time",
                        none,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"team_id\": 7", "\"team_id\": 7, \"trino\": true"),
                        400,
                        "invalid request body"),
                new Rule(
                        "provision: a schema used by another team of the org is 409",
                        failedWithTeam1,
                        "POST",
                        provision,
                        SECRET,
                        VALID.replace("\"team_id\": 7", "\"team_id\": 2, \"schema_name\": \"shared\""),
                        409,
                        null),
                new Rule(
                        "provision: a pending warehouse is 409",
                        pending,
                        "POST",
                        provision,
                        SECRET,
                        VALID,
                        409,
                        FakeDuckgres.NON_TERMINAL),
                new Rule(
                        "provision: a ready warehouse is 409",
                        ready,
                        "POST",
                        provision,
                        SECRET,
                        VALID,
                        409,
                        FakeDuckgres.NON_TERMINAL),
                new Rule(
                        "provision: a deleting warehouse is 409",
                        deleting,
                        "POST",
                        provision,
                        SECRET,
                        VALID,
                        409,
                        FakeDuckgres.NON_TERMINAL),
                new Rule(
                        "provision: a database_name used by another org is 409",
                        pending,
                        "POST",
                        "/orgs/" + OTHER_ORG + "/provision",
                        SECRET,
                        VALID,
                        409,
                        "already in use"),
                new Rule(
                        "DELETE /orgs/:id: a deleted warehouse's org row keeps its name taken",
                        deleted,
                        "POST",
                        "/orgs/" + OTHER_ORG + "/provision",
                        SECRET,
                        VALID,
                        409,
                        "already in use"),
                new Rule(
                        "deprovision: no warehouse is 404",
                        none,
                        "POST",
                        "/orgs/" + ORG + "/deprovision",
                        SECRET,
                        null,
                        404,
                        FakeDuckgres.NOT_FOUND),
                new Rule(
                        "deprovision: a pending warehouse is 409",
                        pending,
                        "POST",
                        "/orgs/" + ORG + "/deprovision",
                        SECRET,
                        null,
                        409,
                        FakeDuckgres.CANNOT_DEPROVISION),
                new Rule(
                        "deprovision: a deleting warehouse is 409",
                        deleting,
                        "POST",
                        "/orgs/" + ORG + "/deprovision",
                        SECRET,
                        null,
                        409,
                        FakeDuckgres.CANNOT_DEPROVISION),
                new Rule(
                        "deprovision: a deleted warehouse is 409",
                        deleted,
                        "POST",
                        "/orgs/" + ORG + "/deprovision",
                        SECRET,
                        null,
                        409,
                        FakeDuckgres.CANNOT_DEPROVISION),
                new Rule("status: no warehouse is 404", none, "GET", status, SECRET, null, 404, FakeDuckgres.NOT_FOUND),
                new Rule(
                        "reset-password: no warehouse is 404",
                        none,
                        "POST",
                        "/orgs/" + ORG + "/reset-password",
                        SECRET,
                        null,
                        404,
                        FakeDuckgres.NOT_FOUND),
                new Rule(
                        "reset-password: a warehouse not ready is 409",
                        pending,
                        "POST",
                        "/orgs/" + ORG + "/reset-password",
                        SECRET,
                        null,
                        409,
                        FakeDuckgres.NOT_READY),
                new Rule(
                        "database-name/check: no name is 400",
                        none,
                        "GET",
                        "/database-name/check",
                        SECRET,
                        null,
                        400,
                        FakeDuckgres.NAME_REQUIRED),
                new Rule(
                        "DELETE /orgs/:id: no org is 404 (the fake's reading)",
                        none,
                        "DELETE",
                        "/orgs/" + ORG,
                        SECRET,
                        null,
                        404,
                        null),
                new Rule(
                        "DELETE /orgs/:id: only once the warehouse is deleted (the fake's reading)",
                        ready,
                        "DELETE",
                        "/orgs/" + ORG,
                        SECRET,
                        null,
                        409,
                        FakeDuckgres.NOT_DELETED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void refusesWithDuckgresStatus(Rule rule) throws Exception {
        rule.setup().apply(this);

        HttpResponse<String> answer = call(rule.method(), rule.path(), rule.secret(), rule.body());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(rule.status());
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.isTextual())
                .as("an {\"error\": …} body: " + answer.body())
                .isTrue();
        if (rule.error() != null) {
            assertThat(error.asText()).contains(rule.error());
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndReadsNeedNoAdminRole() throws Exception {
        HttpResponse<String> answer =
                provision(ORG, VALID.replace("{", "{\"color\": \"blue\", \"extra\": {\"a\": 1},"));
        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("username").asText()).isEqualTo("root");
        assertThat(body.get("password").asText()).hasSize(43);

        assertThat(call("GET", "/orgs/" + ORG + "/warehouse/status", MEMBER, null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void readyAtAndFailedAtAreAbsentUntilSetAndTheConnectionOnlyWhenReady() throws Exception {
        provision(ORG, VALID);
        JsonNode pending = status(ORG);
        assertThat(pending.has("ready_at")).isFalse();
        assertThat(pending.has("failed_at")).isFalse();
        assertThat(pending.has("connection")).isFalse();

        duckgres.tick();
        duckgres.tick();
        JsonNode ready = status(ORG);
        assertThat(ready.has("ready_at")).isTrue();
        assertThat(ready.has("failed_at")).isFalse();
        assertThat(ready.at("/connection/database").asText()).isEqualTo("sales");
    }

    @Test
    void aNameIsFreeOnlyOnceItsOrgIsRemovedAndAnInvalidOneIsNeverAvailable() throws Exception {
        ready(ORG);
        call("POST", "/orgs/" + ORG + "/deprovision", SECRET, null);
        duckgres.tick();
        assertThat(check("sales").get("available").asBoolean()).isFalse();

        assertThat(call("DELETE", "/orgs/" + ORG, SECRET, null).statusCode()).isEqualTo(200);

        assertThat(check("sales").get("available").asBoolean()).isTrue();
        assertThat(provision(OTHER_ORG, VALID).statusCode()).isEqualTo(202);
        JsonNode invalid = check("Not_A_Label");
        assertThat(invalid.get("available").asBoolean()).isFalse();
        assertThat(invalid.get("reason").isTextual()).isTrue();
    }

    @Test
    void resetPasswordIgnoresItsBodyAndGeneratesThePassword() throws Exception {
        ready(ORG);

        HttpResponse<String> answer =
                call("POST", "/orgs/" + ORG + "/reset-password", SECRET, "{\"password\": \"mine-Secret-1\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        String password = JSON.readTree(answer.body()).get("password").asText();
        assertThat(password).isNotEqualTo("mine-Secret-1");
        assertThat(duckgres.login("sales", "root", password)).isTrue();
        assertThat(duckgres.login("sales", "root", "mine-Secret-1")).isFalse();
    }

    @Test
    void everyAnswerWaitsForTheConfiguredLatency() throws Exception {
        duckgres.slow(Duration.ofMillis(300));
        long start = System.nanoTime();

        call("GET", "/database-name/check?name=sales", SECRET, null);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private void ready(String org) throws Exception {
        assertThat(provision(org, VALID).statusCode()).isEqualTo(202);
        duckgres.tick();
        duckgres.tick();
    }

    private HttpResponse<String> provision(String org, String body) throws Exception {
        return call("POST", "/orgs/" + org + "/provision", SECRET, body);
    }

    private JsonNode status(String org) throws Exception {
        return JSON.readTree(
                call("GET", "/orgs/" + org + "/warehouse/status", SECRET, null).body());
    }

    private JsonNode check(String name) throws Exception {
        return JSON.readTree(
                call("GET", "/database-name/check?name=" + name, SECRET, null).body());
    }

    HttpResponse<String> call(String method, String path, String secret, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(duckgres.baseUrl() + "/api/v1" + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (secret != null) {
            request.header(DuckgresClient.SECRET_HEADER, secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
