package dev.wharf.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.jdbi.project.JdbiApiKeyRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiOrganizationRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiProjectRepository;
import dev.wharf.adapters.out.jdbi.project.JdbiUserRepository;
import dev.wharf.bootstrap.ApiClient.Answer;
import dev.wharf.domain.project.ApiKey;
import dev.wharf.domain.project.ApiKeyId;
import dev.wharf.domain.project.ApiKeySecret;
import dev.wharf.domain.project.Membership;
import dev.wharf.domain.project.Organization;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.project.OrganizationRole;
import dev.wharf.domain.project.Project;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import dev.wharf.domain.project.User;
import dev.wharf.domain.project.UserId;
import dev.wharf.testing.PgWire;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The warehouse endpoints over HTTP, against the application started in process on H2 and the H2 engine. */
@ExtendWith(DropwizardExtensionsSupport.class)
class WarehouseApiTest {
    static final ApiTestApp TEST = new ApiTestApp();
    static final DropwizardAppExtension<WharfConfiguration> APP = TEST.app;
    static final AtomicLong NEXT_PROJECT = new AtomicLong(100);
    static final String ADMIN = ApiTestApp.KEY;
    static String member;
    static String readOnly;
    static String outsider;
    static String limitedToOtherProject;
    static ApiClient api;
    static Jdbi metadata;
    static OrganizationId defaultOrganization;

    @BeforeAll
    static void arrange() {
        api = new ApiClient(TEST.base());
        metadata = TEST.metadata();
        defaultOrganization = new JdbiProjectRepository(metadata)
                .findById(ProjectId.of(1))
                .orElseThrow()
                .organizationId();
        UserId admin = new JdbiUserRepository(metadata)
                .findByEmail("dev@localhost")
                .orElseThrow()
                .id();
        member = keyFor(
                user("member@example.com", defaultOrganization, OrganizationRole.MEMBER), Set.of(Scope.ALL), Set.of());
        readOnly = keyFor(admin, Set.of(Scope.WAREHOUSE_VIEW_READ), Set.of());
        limitedToOtherProject = keyFor(admin, Set.of(Scope.ALL), Set.of(project()));
        Organization elsewhere = new Organization(OrganizationId.random(), "Elsewhere", Instant.now());
        new JdbiOrganizationRepository(metadata).insert(elsewhere);
        outsider = keyFor(
                user("outsider@example.com", elsewhere.id(), OrganizationRole.OWNER), Set.of(Scope.ALL), Set.of());
    }

    static ProjectId project() {
        ProjectId id = ProjectId.of(NEXT_PROJECT.getAndIncrement());
        new JdbiProjectRepository(metadata)
                .insert(new Project(id, defaultOrganization, "Project " + id, ZoneOffset.UTC, Instant.now()));
        return id;
    }

    static UserId user(String email, OrganizationId organization, OrganizationRole role) {
        User user = new User(UserId.random(), email, Instant.now());
        new JdbiUserRepository(metadata).insert(user);
        new JdbiOrganizationRepository(metadata)
                .saveMembership(new Membership(organization, user.id(), role, Instant.now()));
        return user.id();
    }

    static String keyFor(UserId user, Set<Scope> scopes, Set<ProjectId> projects) {
        ApiKeySecret secret = ApiKeySecret.generate(new SecureRandom());
        new JdbiApiKeyRepository(metadata)
                .insert(ApiKey.issue(ApiKeyId.random(), user, "test", secret, scopes, projects, Instant.now()));
        return secret.reveal();
    }

    static String path(ProjectId project, String action) {
        return "/api/projects/" + project + "/data_warehouse/" + action;
    }

    static Answer provision(ProjectId project, String name) {
        return api.postJson(path(project, "provision"), ADMIN, "{\"database_name\": \"" + name + "\"}");
    }

    static Answer awaitState(ProjectId project, String state) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Answer status = api.get(path(project, "warehouse_status"), ADMIN);
        while (!state.equals(status.json().path("state").asText()) && System.nanoTime() < deadline) {
            sleep(20);
            status = api.get(path(project, "warehouse_status"), ADMIN);
        }
        return status;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWarehouseIsProvisionedBecomesReadyWithinTwoSecondsAndTakesAResetPassword() throws IOException {
        ProjectId project = project();
        long start = System.nanoTime();

        Answer accepted = provision(project, "sales-" + project);
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
        assertThat(ready.json().get("connection").get("port").asInt()).isEqualTo(TEST.warehousePort);
        assertThat(ready.text()).doesNotContain("password\":\"");

        Answer reset = api.post(path(project, "reset-password/"), ADMIN, null, null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.response().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String password = reset.json().get("password").asText();
        assertThat(password).matches("[A-Za-z0-9_-]{43}");
        assertThat(reset.json().get("username").asText()).isEqualTo("root");

        String database = "sales-" + project;
        try (PgWire wire = PgWire.connect(TEST.warehousePort, "root", database, password)) {
            assertThat(wire.query("SELECT 40 + 2")).containsExactly("42");
        }
        Answer second = api.post(path(project, "reset-password"), ADMIN, null, null);
        assertThat(second.json().get("password_last_set_at").asText())
                .isGreaterThan(reset.json().get("password_last_set_at").asText());
        assertThat(canLogIn(database, password))
                .as("the old password is refused")
                .isFalse();
        assertThat(canLogIn(database, second.json().get("password").asText())).isTrue();
        assertThat(api.get(path(project, "warehouse_status"), ADMIN)
                        .json()
                        .get("password_last_set_at")
                        .asText())
                .isEqualTo(second.json().get("password_last_set_at").asText());
    }

    static boolean canLogIn(String database, String password) {
        try (PgWire wire = PgWire.connect(TEST.warehousePort, "root", database, password)) {
            return wire.query("SELECT 1").equals(List.of("1"));
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void theStatusOfAProjectWithoutAWarehouseIsNotFound() {
        Answer answer = api.get(path(project(), "warehouse_status/"), ADMIN);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("{\"error\":\"warehouse not found\"}");
    }

    @Test
    void theEnvironmentsAliasAnswersTheSame() {
        ProjectId project = project();
        provision(project, "alias-" + project);

        Answer viaEnvironment = api.get("/api/environments/" + project + "/data_warehouse/warehouse_status/", ADMIN);

        assertThat(viaEnvironment.status()).isEqualTo(200);
        assertThat(viaEnvironment.json().get("database_name").asText()).isEqualTo("alias-" + project);
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsWritten() {
        ProjectId project = project();

        assertThat(api.postJson(path(project, "provision"), ADMIN, "{}").error())
                .isEqualTo("database_name is required");
        assertThat(provision(project, "Bad_Name").status()).isEqualTo(400);
        assertThat(provision(project, "ab").error()).isEqualTo("database_name must be between 3 and 63 characters");
        assertThat(api.get(path(project, "warehouse_status"), ADMIN).status()).isEqualTo(404);
    }

    @Test
    void aSecondProvisionAndATakenNameAreConflicts() {
        ProjectId first = project();
        ProjectId second = project();
        provision(first, "taken-" + first);

        assertThat(provision(first, "again-" + first).error())
                .isEqualTo("warehouse already exists in non-terminal state");
        Answer taken = provision(second, "taken-" + first);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).isEqualTo("database name is already taken");
    }

    @Test
    void aDeprovisionedWarehouseFreesItsNameAndCanBeProvisionedAgain() {
        ProjectId project = project();
        provision(project, "cycle-" + project);
        awaitState(project, "ready");

        Answer accepted = api.post(path(project, "deprovision"), ADMIN, null, null);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text()).isEqualTo("{\"status\":\"deprovisioning started\",\"team\":\"" + project + "\"}");
        assertThat(awaitState(project, "deleted").json().get("status_message").asText())
                .isEqualTo("Resources deleted");
        assertThat(api.post(path(project, "deprovision"), ADMIN, null, null).error())
                .isEqualTo("warehouse must be in ready, failed, or provisioning state to deprovision");

        assertThat(provision(project, "cycle-" + project).status()).isEqualTo(202);
        assertThat(awaitState(project, "ready").json().get("state").asText()).isEqualTo("ready");
    }

    @Test
    void deprovisionAndResetOfNoWarehouseAreNotFound() {
        ProjectId project = project();

        assertThat(api.post(path(project, "deprovision"), ADMIN, null, null).status())
                .isEqualTo(404);
        assertThat(api.post(path(project, "reset-password"), ADMIN, null, null).error())
                .isEqualTo("warehouse not found");
    }

    @Test
    void theNameCheckSaysWhyANameIsUnavailable() {
        ProjectId project = project();
        provision(project, "checked-" + project);

        assertThat(api.get(path(project, "check-database-name?name=checked-" + project), ADMIN)
                        .json()
                        .get("reason")
                        .asText())
                .isEqualTo("database name is already taken");
        assertThat(api.get(path(project, "check-database-name?name=x"), ADMIN)
                        .json()
                        .get("available")
                        .asBoolean())
                .isFalse();
        Answer free = api.get(path(project, "check-database-name/?name=free-" + project), ADMIN);
        assertThat(free.text()).isEqualTo("{\"name\":\"free-" + project + "\",\"available\":true}");
        Answer missing = api.get(path(project, "check-database-name"), ADMIN);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("name query parameter is required");
    }

    @Test
    void noKeyOrAnUnknownKeyIs401InPostHogsShape() {
        for (String key : new String[] {null, "phx_" + "x".repeat(43), "not-a-key"}) {
            Answer answer = api.get(path(ProjectId.of(1), "warehouse_status"), key);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("type").asText()).isEqualTo("authentication_error");
            assertThat(answer.json().get("code").asText()).isEqualTo("authentication_failed");
            assertThat(answer.json().get("attr").isNull()).isTrue();
        }
    }

    @Test
    void aProjectThatDoesNotExistOrIsNotVisibleIsTheSame404() {
        String expected =
                "{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\",\"attr\":null}";

        assertThat(api.get(path(ProjectId.of(999_999), "warehouse_status"), ADMIN)
                        .text())
                .isEqualTo(expected);
        assertThat(api.get(path(ProjectId.of(1), "warehouse_status"), outsider).text())
                .isEqualTo(expected);
        assertThat(api.get(path(ProjectId.of(1), "warehouse_status"), limitedToOtherProject)
                        .text())
                .isEqualTo(expected);
        Answer notNumeric = api.get("/api/projects/abc/data_warehouse/warehouse_status", ADMIN);
        assertThat(notNumeric.status()).isEqualTo(404);
        assertThat(notNumeric.text()).isEqualTo(expected);
    }

    @Test
    void aKeyWithoutTheWriteScopeCannotManage() {
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
        ProjectId project = project();

        assertThat(api.postJson(path(project, "provision"), member, "{\"database_name\": \"member-x\"}")
                        .error())
                .isEqualTo("Only organization admins can manage the managed warehouse");
        assertThat(api.post(path(project, "deprovision"), member, null, null).status())
                .isEqualTo(403);
        Answer reset = api.post(path(project, "reset-password"), member, null, null);
        assertThat(reset.status()).isEqualTo(403);
        assertThat(reset.error())
                .isEqualTo("Only organization admins can reset the root password for the managed warehouse");
        assertThat(api.get(path(project, "warehouse_status"), member).status())
                .as("members may read")
                .isEqualTo(404);
    }

    @Test
    void resetIsRefusedUntilTheWarehouseIsReady() {
        ProjectId project = project();
        provision(project, "early-" + project);
        awaitState(project, "ready");
        api.post(path(project, "deprovision"), ADMIN, null, null);

        Answer answer = api.post(path(project, "reset-password"), ADMIN, null, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.error()).isEqualTo("warehouse must be in ready state to reset password");
    }

    @Test
    void badRequestsAre4xxWithAClearBody() {
        ProjectId project = project();
        String provision = path(project, "provision");

        assertThat(api.postJson(provision, ADMIN, "{\"database_name\":").error())
                .isEqualTo("Malformed JSON in request body");
        assertThat(api.postJson(provision, ADMIN, "{\"database_name\":\"abc\",\"x\":1}")
                        .error())
                .isEqualTo("Unknown field 'x'");
        assertThat(api.postJson(provision, ADMIN, "{\"database_name\":5}").status())
                .isEqualTo(400);
        assertThat(api.postJson(provision, ADMIN, "[]").status()).isEqualTo(400);
        Answer wrongType = api.post(provision, ADMIN, "text/plain", "database_name=abc");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.error()).isEqualTo("Content-Type must be application/json");
        Answer huge = api.postJson(provision, ADMIN, "{\"database_name\":\"" + "a".repeat(70_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.error()).isEqualTo("Request body is larger than 64 KiB");
        assertThat(api.get(path(project, "warehouse_status"), ADMIN).status())
                .as("nothing was written")
                .isEqualTo(404);
        assertThat(api.get("/api/projects/1/data_warehouse/nothing-here", ADMIN).status())
                .isEqualTo(404);
    }
}
