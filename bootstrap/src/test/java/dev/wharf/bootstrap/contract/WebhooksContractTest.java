package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.bootstrap.contract.InProcessWharf.Principals;
import dev.wharf.domain.project.ProjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoints: a subscription's secret shown once, the pages, the refusals of bad subscriptions, ids that name
 * no subscription of the project, delete, test and its delivery, rotate-secret, enable, and who may manage them. Tests
 * that arrange other callers or projects run in process only; the others also run against a running Wharf, on the
 * scratch project, deleting what they created.
 */
class WebhooksContractTest extends ContractTest {
    static final String REFUSAL = "Only organization admins can manage webhooks";
    static final String NOT_FOUND = "webhook not found";
    static final String INTS = "Invalid limit or offset parameter";
    /**
     * Where the subscriptions point: a loopback address, which the sender refuses under production's settings without
     * connecting (and where dev mode's would connect, the discard port, which nothing answers).
     */
    static final String RECEIVER = "https://127.0.0.1:9/wharf-contract";

    static final String EVENTS = "warehouse.state_changed, warehouse.password_reset, job.failed, job.stale,"
            + " source.freshness_missed, source.freshness_restored, usage.row_limit_reached";

    private final List<String> created = new ArrayList<>();

    /** Deletes what the test created (against a running Wharf the scratch project keeps at most 20). */
    @AfterEach
    void deleteCreated() {
        for (String webhook : created) {
            Answer deleted = delete(webhook, admin);
            assertThat(deleted.status()).isIn(204, 404);
        }
        created.clear();
    }

    @Test
    void aSubscriptionIsCreatedWithItsSecretShownOnlyThen() {
        ProjectId project = project();

        Answer answer = api.postJson(
                webhooks(project),
                admin,
                "{\"url\": \"" + RECEIVER + "\", \"events\": [\"warehouse.state_changed\", \"job.failed\","
                        + " \"job.failed\"], \"description\": \"ops pager\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.response().headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode subscription = answer.json();
        String id = subscription.get("id").asText();
        created.add(webhook(project, id, ""));
        String secret = subscription.get("secret").asText();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(subscription.get("url").asText()).isEqualTo(RECEIVER);
        assertThat(subscription.get("events").toString()).isEqualTo("[\"job.failed\",\"warehouse.state_changed\"]");
        assertThat(subscription.get("description").asText()).isEqualTo("ops pager");
        assertThat(subscription.get("enabled").asBoolean()).isTrue();
        assertThat(subscription.get("disabled_reason").isNull()).isTrue();

        Answer list = api.get(webhooks(project) + "?limit=50", admin);
        assertThat(ids(list)).contains(id);
        assertThat(list.json().get("results"))
                .allSatisfy(row -> assertThat(row.has("secret")).isFalse());
        assertThat(list.text()).doesNotContain(secret);
        Answer enabled = api.post(webhook(project, id, "enable/"), admin, null, null);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().has("secret")).isFalse();
        assertThat(enabled.text()).doesNotContain(secret);
        assertThat(enabled.json().get("id").asText()).isEqualTo(id);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void theEnvironmentsAliasWithoutTheSlashTakesASubscriptionWithoutDescription() {
        ProjectId project = project();

        Answer answer = api.postJson(
                "/api/environments/" + project + "/data_warehouse/webhooks",
                admin,
                "{\"url\": \"" + RECEIVER + "\", \"events\": [\"usage.row_limit_reached\"]}");

        assertThat(answer.status()).isEqualTo(201);
        created.add(webhook(project, answer.json().get("id").asText(), ""));
        assertThat(answer.json().get("description").isNull()).isTrue();
        assertThat(ids(api.get("/api/environments/" + project + "/data_warehouse/webhooks?limit=50", admin)))
                .contains(answer.json().get("id").asText());
    }

    @Test
    void theDescriptionIsFreeTextAndANulInItIsKeptAsAReplacementCharacter() {
        ProjectId project = project();

        Answer answer = api.postJson(
                webhooks(project),
                admin,
                "{\"url\": \"" + RECEIVER
                        + "\", \"events\": [\"job.stale\"], \"description\": \"on call\\nteam\\u0000\"}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        String id = answer.json().get("id").asText();
        created.add(webhook(project, id, ""));
        assertThat(answer.json().get("description").asText()).isEqualTo("on call\nteam\uFFFD");
        JsonNode stored = null;
        for (JsonNode row :
                api.get(webhooks(project) + "?limit=50", admin).json().get("results")) {
            if (row.get("id").asText().equals(id)) {
                stored = row;
            }
        }
        assertThat(stored).isNotNull();
        assertThat(stored.get("description").asText()).as("as stored").isEqualTo("on call\nteam\uFFFD");
    }

    @Test
    void theDocumentShowsTheSecretOnlyInCreateAndRotate() {
        String subscription = "{\"id\":\"0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10\",\"url\":\"https://hooks.example.com/\","
                + "\"events\":[\"job.failed\"],\"description\":null,\"enabled\":true,\"disabled_reason\":null,"
                + "\"created_at\":\"2026-12-03T09:26:53.589793Z\"";
        String secret = ",\"secret\":\"whsec_" + "A".repeat(43) + "=\"}";
        String webhooks = "/api/projects/1/data_warehouse/webhooks/";
        String one = webhooks + "0b9e5c56-8f0a-4d5e-9a61-3f2f3c1b7d10/";

        assertThat(problems("POST", webhooks, 201, subscription + secret)).isEmpty();
        assertThat(problems("POST", one + "rotate-secret/", 200, subscription + secret))
                .isEmpty();
        assertThat(problems("POST", webhooks, 201, subscription + "}"))
                .as("create without the secret")
                .isNotEmpty();
        assertThat(problems("POST", one + "enable/", 200, subscription + "}")).isEmpty();
        assertThat(problems("POST", one + "enable/", 200, subscription + secret))
                .as("enable with the secret")
                .isNotEmpty();
        assertThat(problems(
                        "GET",
                        webhooks,
                        200,
                        "{\"results\":[" + subscription + secret + "],\"next\":null,\"previous\":null}"))
                .as("a listed secret")
                .isNotEmpty();
        assertThat(problems("POST", webhooks, 201, subscription.replace("job.failed", "webhook.test") + secret))
                .as("a subscription to the test event")
                .isNotEmpty();
    }

    @Test
    void subscriptionsAreListedNewestFirstPageByPage() {
        ProjectId project = target.newProject();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            newestFirst.add(0, create(project));
        }

        Answer first = api.get(webhooks(project) + "?limit=2", admin);
        Answer second = api.get("/api/environments/" + project + "/data_warehouse/webhooks/?limit=2&offset=2", admin);
        Answer capped = api.get(path(project, "webhooks?limit=500&offset=-3"), admin);

        assertThat(ids(first)).containsExactly(newestFirst.get(0), newestFirst.get(1));
        assertThat(first.json().get("next").asText()).isEqualTo("?limit=2&offset=2");
        assertThat(first.json().get("previous").isNull()).isTrue();
        assertThat(ids(second)).containsExactly(newestFirst.get(2));
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(second.json().get("previous").asText()).isEqualTo("?limit=2&offset=0");
        assertThat(ids(capped)).containsExactlyElementsOf(newestFirst);
        for (String bad : new String[] {"limit=0", "limit=-2", "limit=abc", "offset=1.5"}) {
            Answer refused = api.get(webhooks(project) + "?" + bad, admin);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.error()).as(bad).isEqualTo(INTS);
            Answer deliveries = api.get(webhook(project, newestFirst.get(0), "deliveries/?" + bad), admin);
            assertThat(deliveries.status()).as(bad).isEqualTo(400);
            assertThat(deliveries.error()).as(bad).isEqualTo(INTS);
        }
    }

    @Test
    void aBadSubscriptionIs400WithTheRuleItBreaksAndNothingIsCreated() {
        ProjectId project = project();
        String before = api.get(webhooks(project) + "?limit=50", admin).text();
        String events = ", \"events\": [\"job.failed\"]}";
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(
                "{\"url\": \"https://user:pass@example.com/hook\"" + events,
                "url must not carry a user name or password");
        refusals.put("{\"url\": \"https://example.com/hook#part\"" + events, "url must not have a fragment");
        refusals.put(
                "{\"url\": \"https://exa mple.com/\"" + events,
                "url must not contain spaces, control or non-ASCII characters");
        refusals.put("{\"url\": \"https://example.com:70000/\"" + events, "url has a port that is not 1 to 65535");
        refusals.put(
                "{\"url\": \"https://example.com/" + "a".repeat(2048) + "\"" + events,
                "url must be at most 2048 characters");
        refusals.put("{\"events\": [\"job.failed\"]}", "url is required");
        refusals.put("{\"url\": \"" + RECEIVER + "\", \"events\": []}", "events must name at least one event");
        refusals.put("{\"url\": \"" + RECEIVER + "\"}", "events must name at least one event");
        refusals.put(
                "{\"url\": \"" + RECEIVER + "\", \"events\": [\"job.failed\", \"warehouse.exploded\"]}",
                "unknown event 'warehouse.exploded'; events are " + EVENTS);
        refusals.put(
                "{\"url\": \"" + RECEIVER + "\", \"events\": [\"webhook.test\"]}",
                "unknown event 'webhook.test'; events are " + EVENTS);
        refusals.put(
                "{\"url\": \"" + RECEIVER + "\", \"events\": [\"job.failed\"], \"description\": \"" + "d".repeat(501)
                        + "\"}",
                "description must be at most 500 characters");
        refusals.put("{\"url\": \"" + RECEIVER + "\", \"events\": \"job.failed\"}", "Invalid value for field 'events'");
        refusals.put(
                "{\"url\": \"" + RECEIVER + "\", \"events\": [\"job.failed\"], \"secret\": \"whsec_x\"}",
                "Unknown field 'secret'");
        refusals.put("{\"url\": ", "Malformed JSON in request body");

        refusals.forEach((body, error) -> {
            Answer refused = api.postJson(webhooks(project), admin, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.error()).as(body).isEqualTo(error);
        });
        assertThat(api.get(webhooks(project) + "?limit=50", admin).text())
                .as("nothing was created")
                .isEqualTo(before);
    }

    @Test
    void httpIsRefusedBecauseTheInProcessWharfRunsProductionsWebhookSettings() {
        // api-test.yml has dev mode's key but not dev.yml's webhooks block: https only, as in production.
        ProjectId project = target.inProcess(
                        "a running Wharf's webhooks.requireHttps is not known (dev mode allows http)")
                .project();

        Answer refused = api.postJson(
                webhooks(project), admin, "{\"url\": \"http://example.com/hook\", \"events\": [\"job.failed\"]}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("url must be https");
        Answer ftp = api.postJson(
                webhooks(project), admin, "{\"url\": \"ftp://example.com/\", \"events\": [\"job.failed\"]}");
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.error()).isEqualTo("url must be https");
        assertThat(ids(api.get(webhooks(project), admin))).isEmpty();
    }

    @Test
    void aProjectThatDoesNotExistIsNotFoundInPostHogsShape() {
        ProjectId nowhere = ProjectId.of(999_999);

        assertThat(api.get(webhooks(nowhere), admin).text()).isEqualTo(AccessContractTest.NOT_FOUND);
        assertThat(api.postJson(webhooks(nowhere), admin, validBody()).text()).isEqualTo(AccessContractTest.NOT_FOUND);
        assertThat(api.get("/api/environments/abc/data_warehouse/webhooks/", admin)
                        .text())
                .isEqualTo(AccessContractTest.NOT_FOUND);
    }

    @Test
    void aProjectTheCallerCannotSeeIsNotFound() {
        Principals callers = target.inProcess().principals();
        ProjectId project = target.newProject();
        String id = create(project);

        for (String key : new String[] {callers.outsider(), callers.limitedToOtherProject()}) {
            assertThat(api.get(webhooks(project), key).text()).isEqualTo(AccessContractTest.NOT_FOUND);
            assertThat(api.postJson(webhooks(project), key, validBody()).text())
                    .isEqualTo(AccessContractTest.NOT_FOUND);
            assertThat(delete(webhook(project, id, ""), key).text()).isEqualTo(AccessContractTest.NOT_FOUND);
            assertThat(api.post(webhook(project, id, "rotate-secret/"), key, null, null)
                            .text())
                    .isEqualTo(AccessContractTest.NOT_FOUND);
        }
        assertThat(ids(api.get(webhooks(project), admin))).containsExactly(id);
    }

    @Test
    void anotherProjectsSubscriptionIsNotFoundHere() {
        ProjectId mine = target.newProject();
        ProjectId other = target.newProject();
        String theirs = create(other);

        for (Answer answer : everyOperationOn(mine, theirs, admin)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.error()).isEqualTo(NOT_FOUND);
        }
        assertThat(ids(api.get(webhooks(other), admin))).containsExactly(theirs);
        assertThat(api.get(webhook(other, theirs, "deliveries/"), admin).status())
                .isEqualTo(200);
    }

    @Test
    void anIdThatIsNotASubscriptionIsNotFound() {
        ProjectId project = project();

        for (String id : new String[] {"not-a-uuid", "00000000-0000-0000-0000-000000000000", "msg_1", "1"}) {
            for (Answer answer : everyOperationOn(project, id, admin)) {
                assertThat(answer.status()).as(id).isEqualTo(404);
                assertThat(answer.error()).as(id).isEqualTo(NOT_FOUND);
            }
        }
    }

    @Test
    void aDeletedSubscriptionIsGone() {
        ProjectId project = project();
        String id = create(project);

        Answer deleted = delete(webhook(project, id, ""), admin);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertThat(ids(api.get(webhooks(project) + "?limit=50", admin))).doesNotContain(id);
        for (Answer answer : everyOperationOn(project, id, admin)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.error()).isEqualTo(NOT_FOUND);
        }
        assertThat(delete("/api/environments/" + project + "/data_warehouse/webhooks/" + id, admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aTestIsAcceptedAndItsDeliveryIsListed() {
        ProjectId project = project();
        String id = create(project);

        Answer accepted = api.post(webhook(project, id, "test/"), admin, null, null);

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode delivery = accepted.json();
        assertThat(delivery.get("id").asText()).matches("msg_[0-9a-f]{32}");
        assertThat(delivery.get("event").asText()).isEqualTo("webhook.test");
        assertThat(delivery.get("status").asText()).isEqualTo("pending");
        assertThat(delivery.get("attempts").asInt()).isZero();
        assertThat(delivery.get("last_response_code").isNull()).isTrue();
        assertThat(delivery.get("last_error").isNull()).isTrue();
        assertThat(delivery.get("last_attempt_at").isNull()).isTrue();
        assertThat(delivery.get("finished_at").isNull()).isTrue();
        assertThat(delivery.get("next_attempt_at").isNull()).isFalse();

        Answer deliveries = api.get(webhook(project, id, "deliveries/"), admin);
        assertThat(deliveries.status()).isEqualTo(200);
        assertThat(deliveries.json().get("results")).hasSize(1);
        JsonNode listed = deliveries.json().get("results").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(delivery.get("id").asText());
        assertThat(listed.get("event_id").asText())
                .isEqualTo(delivery.get("event_id").asText());
        assertThat(listed.get("event").asText()).isEqualTo("webhook.test");
        assertThat(listed.get("created_at").asText())
                .isEqualTo(delivery.get("created_at").asText());
    }

    @Test
    void deliveriesAreListedNewestFirstPageByPage() {
        ProjectId project = project();
        String id = create(project);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Answer accepted = api.post(webhook(project, id, "test"), admin, null, null);
            assertThat(accepted.status()).isEqualTo(202);
            newestFirst.add(0, accepted.json().get("id").asText());
        }

        Answer first = api.get(webhook(project, id, "deliveries?limit=2"), admin);
        Answer second = api.get(
                "/api/environments/" + project + "/data_warehouse/webhooks/" + id + "/deliveries/?limit=2&offset=2",
                admin);

        assertThat(ids(first)).containsExactly(newestFirst.get(0), newestFirst.get(1));
        assertThat(first.json().get("next").asText()).isEqualTo("?limit=2&offset=2");
        assertThat(first.json().get("previous").isNull()).isTrue();
        assertThat(ids(second)).containsExactly(newestFirst.get(2));
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(second.json().get("previous").asText()).isEqualTo("?limit=2&offset=0");
    }

    @Test
    void theWorkerRefusesALoopbackReceiverUnderProductionsSettingsAndRetries() {
        ProjectId project = target.inProcess(
                        "a running Wharf may allow loopback receivers (dev mode does), so its answer is not known")
                .project();
        String id = create(project);
        String sent = api.post(webhook(project, id, "test/"), admin, null, null)
                .json()
                .get("id")
                .asText();

        JsonNode delivery = awaitAttempted(project, id, sent);

        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("status").asText()).as("retried later").isEqualTo("pending");
        assertThat(delivery.get("last_response_code").isNull()).as("no answer").isTrue();
        assertThat(delivery.get("last_error").asText()).startsWith("refused: ").contains("loopback");
        assertThat(delivery.get("last_attempt_at").isNull()).isFalse();
        assertThat(delivery.get("next_attempt_at").asText())
                .isGreaterThan(delivery.get("last_attempt_at").asText());
        assertThat(delivery.get("finished_at").isNull()).isTrue();
    }

    @Test
    void rotatingTheSecretShowsANewOneOnce() {
        ProjectId project = project();
        Answer created = createAnswer(project);
        String id = created.json().get("id").asText();
        String first = created.json().get("secret").asText();

        Answer rotated = api.post(webhook(project, id, "rotate-secret/"), admin, null, null);
        Answer again = api.post(
                "/api/environments/" + project + "/data_warehouse/webhooks/" + id + "/rotate-secret",
                admin,
                null,
                null);

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.response().headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(rotated.json().get("id").asText()).isEqualTo(id);
        String second = rotated.json().get("secret").asText();
        assertThat(second).matches("whsec_[A-Za-z0-9+/]{43}=").isNotEqualTo(first);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("secret").asText()).isNotIn(first, second);
        Answer list = api.get(webhooks(project) + "?limit=50", admin);
        assertThat(list.text())
                .doesNotContain(first, second, again.json().get("secret").asText());
    }

    @Test
    void enablingAnEnabledSubscriptionLeavesItAsItIs() {
        ProjectId project = project();
        Answer created = createAnswer(project);
        String id = created.json().get("id").asText();

        Answer enabled = api.post(webhook(project, id, "enable"), admin, null, null);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("disabled_reason").isNull()).isTrue();
        assertThat(enabled.json().get("created_at").asText())
                .isEqualTo(created.json().get("created_at").asText());
        assertThat(enabled.json().get("events")).isEqualTo(created.json().get("events"));
    }

    @Test
    void aMemberWhoIsNotAnAdminCannotManageOrReadWebhooks() {
        String member = target.inProcess().principals().member();
        ProjectId project = target.newProject();
        String id = create(project);

        List<Answer> answers = new ArrayList<>(everyOperationOn(project, id, member));
        answers.add(api.get(webhooks(project), member));
        answers.add(api.postJson(webhooks(project), member, validBody()));

        for (Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.text()).isEqualTo("{\"error\":\"" + REFUSAL + "\"}");
        }
        assertThat(ids(api.get(webhooks(project), admin))).containsExactly(id);
    }

    @Test
    void aReadOnlyKeyReadsButCannotChange() {
        String readOnly = target.inProcess().principals().readOnly();
        ProjectId project = target.newProject();
        String id = create(project);

        assertThat(api.get(webhooks(project), readOnly).status()).isEqualTo(200);
        assertThat(api.get(webhook(project, id, "deliveries/"), readOnly).status())
                .isEqualTo(200);
        List<Answer> changes = List.of(
                api.postJson(webhooks(project), readOnly, validBody()),
                delete(webhook(project, id, ""), readOnly),
                api.post(webhook(project, id, "test/"), readOnly, null, null),
                api.post(webhook(project, id, "rotate-secret/"), readOnly, null, null),
                api.post(webhook(project, id, "enable/"), readOnly, null, null));
        for (Answer refused : changes) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text())
                    .isEqualTo("{\"type\":\"authentication_error\",\"code\":\"permission_denied\","
                            + "\"detail\":\"API key missing required scope 'warehouse_view:write'\",\"attr\":null}");
        }
        assertThat(ids(api.get(webhooks(project), admin))).containsExactly(id);
        assertThat(api.get(webhook(project, id, "deliveries/"), admin).json().get("results"))
                .as("no test was sent")
                .isEmpty();
        assertThat(api.get(webhooks(project), null).status()).isEqualTo(401);
    }

    @Test
    void aProjectHasAtMostTwentyWebhooks() {
        ProjectId project = target.newProject();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(create(project));
        }

        Answer refused = api.postJson(webhooks(project), admin, validBody());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("a project has at most 20 webhooks");
        assertThat(delete(webhook(project, ids.get(0), ""), admin).status()).isEqualTo(204);
        assertThat(api.postJson(webhooks(project), admin, validBody()).status())
                .as("room again after a delete")
                .isEqualTo(201);
        assertThat(ids(api.get(webhooks(project) + "?limit=50", admin))).hasSize(20);
    }

    /** A project to create subscriptions in: a new one in process, else the scratch project. */
    private static ProjectId project() {
        return target.isInProcess()
                ? target.inProcess().project()
                : ProjectId.of(Long.parseLong(System.getProperty(ContractTarget.PROJECT, "1")));
    }

    private static String webhooks(ProjectId project) {
        return path(project, "webhooks/");
    }

    /** {@code …/webhooks/{id}/} followed by {@code action} ("" for the subscription itself). */
    private static String webhook(ProjectId project, String id, String action) {
        return path(project, "webhooks/" + id + "/" + action);
    }

    private static String validBody() {
        return "{\"url\": \"" + RECEIVER + "\", \"events\": [\"job.failed\"]}";
    }

    private Answer createAnswer(ProjectId project) {
        Answer answer = api.postJson(webhooks(project), admin, validBody());
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        created.add(webhook(project, answer.json().get("id").asText(), ""));
        return answer;
    }

    private String create(ProjectId project) {
        return createAnswer(project).json().get("id").asText();
    }

    private static Answer delete(String path, String key) {
        return api.send("DELETE", path, key, null, null);
    }

    /** Every operation on one subscription, each answered by whatever the caller and the id call for. */
    private static List<Answer> everyOperationOn(ProjectId project, String id, String key) {
        return List.of(
                delete(webhook(project, id, ""), key),
                api.post(webhook(project, id, "test/"), key, null, null),
                api.get(webhook(project, id, "deliveries/"), key),
                api.post(webhook(project, id, "rotate-secret/"), key, null, null),
                api.post(webhook(project, id, "enable/"), key, null, null));
    }

    private static List<String> problems(String method, String path, int status, String body) {
        java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(
                Map.of("Content-Type", List.of("application/json"), "Cache-Control", List.of("no-store")),
                (name, value) -> true);
        return OpenApiDocument.checkedIn().problems(method, path, status, headers, body);
    }

    private static List<String> ids(Answer page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("results").forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }

    /** The delivery once the worker has attempted it (the worker is woken by the test; 10 s at most). */
    private static JsonNode awaitAttempted(ProjectId project, String webhook, String delivery) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode found = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode row : api.get(webhook(project, webhook, "deliveries/"), admin)
                    .json()
                    .get("results")) {
                if (row.get("id").asText().equals(delivery)) {
                    found = row;
                }
            }
            if (found != null && found.get("attempts").asInt() > 0) {
                return found;
            }
            Paths.sleep(50);
        }
        throw new AssertionError("the delivery was not attempted within 10 s: " + found);
    }
}
