package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job reporting API: start, report, finish, read back, and every refusal. */
class JobsContractTest extends JobsContractSupport {
    private static final String UUID_ZERO = "00000000-0000-0000-0000-000000000000";

    @Test
    void anImportJobRunsReportsAndFinishes() {
        ProjectId project = jobsProject();
        String source = createSource(project, "Stripe");

        Answer started = api.postJson(
                jobs(project),
                admin,
                "{\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"charges\","
                        + " \"workflow_run_id\": \"run-1\"}");
        assertThat(started.status()).isEqualTo(201);
        JsonNode job = started.json();
        assertThat(job.get("kind").asText()).isEqualTo("import");
        assertThat(job.get("type").asText()).isEqualTo("Stripe");
        assertThat(job.get("name").asText()).isEqualTo("charges");
        assertThat(job.get("status").asText()).isEqualTo("Running");
        assertThat(job.get("rows").asLong()).isZero();
        assertThat(job.get("finished_at").isNull()).isTrue();
        assertThat(job.get("latest_error").isNull()).isTrue();
        assertThat(job.get("workflow_run_id").asText()).isEqualTo("run-1");
        assertThat(job.get("source_id").asText()).isEqualTo(source);
        assertThat(job.get("billable").asBoolean()).isTrue();
        String id = job.get("id").asText();

        Answer rows = patch(job(project, id), admin, "{\"rows\": 1000}");
        assertThat(rows.status()).isEqualTo(200);
        assertThat(rows.json().get("rows").asLong()).isEqualTo(1000);
        Answer error = patch(
                "/api/environments/" + project + "/data_warehouse/jobs/" + id, admin, "{\"latest_error\": \"slow\"}");
        assertThat(error.json().get("latest_error").asText()).isEqualTo("slow");
        assertThat(patch(job(project, id), admin, "{}").status()).isEqualTo(200);

        Answer done = patch(job(project, id), admin, "{\"rows\": 1500, \"status\": \"Completed\"}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asText()).isEqualTo("Completed");
        assertThat(done.json().get("rows").asLong()).isEqualTo(1500);
        assertThat(done.json().get("finished_at").isNull()).isFalse();

        Answer read = api.get(job(project, id), admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(done.json());
    }

    @Test
    void aFinishedJobRefusesEveryChange() {
        ProjectId project = jobsProject();
        String id = startedImport(project, createSource(project, "Stripe"));
        assertThat(patch(job(project, id), admin, "{\"status\": \"Failed\"}").status())
                .isEqualTo(200);

        for (String body : new String[] {
            "{\"rows\": 5}", "{\"status\": \"Completed\"}", "{\"latest_error\": \"x\"}", "{\"latest_error\": null}"
        }) {
            Answer refused = patch(job(project, id), admin, body);
            assertThat(refused.status()).as(body).isEqualTo(409);
            assertThat(refused.error()).as(body).isEqualTo("job is Failed and can no longer change");
        }
        assertThat(api.get(job(project, id), admin).json().get("status").asText())
                .isEqualTo("Failed");
    }

    @Test
    void anExplicitNullClearsTheLatestErrorAndLeavingItOutKeepsIt() {
        ProjectId project = jobsProject();
        String id = startedImport(project, createSource(project, "Stripe"));
        assertThat(patch(job(project, id), admin, "{\"latest_error\": \"slow\"}")
                        .status())
                .isEqualTo(200);

        Answer kept = patch(job(project, id), admin, "{\"rows\": 5}");
        assertThat(kept.json().get("latest_error").asText()).isEqualTo("slow");
        Answer cleared = patch(job(project, id), admin, "{\"latest_error\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("latest_error").isNull()).isTrue();
        assertThat(cleared.json().get("rows").asLong()).isEqualTo(5);
        assertThat(cleared.json().get("status").asText()).isEqualTo("Running");

        assertThat(api.get(job(project, id), admin).json().get("latest_error").isNull())
                .isTrue();
    }

    @Test
    void aModelJobIsAMaterializedViewAndNeverBilled() {
        ProjectId project = jobsProject();
        String createdAt = "2026-01-02T03:04:05.123456Z";

        Answer started = api.postJson(
                "/api/environments/" + project + "/data_warehouse/jobs",
                admin,
                "{\"kind\": \"model\", \"saved_query_name\": \"daily_revenue\", \"created_at\": \"" + createdAt
                        + "\"}");

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().get("type").asText()).isEqualTo("Materialized view");
        assertThat(started.json().get("name").asText()).isEqualTo("daily_revenue");
        assertThat(started.json().get("source_id").isNull()).isTrue();
        assertThat(started.json().get("workflow_run_id").isNull()).isTrue();
        assertThat(started.json().get("billable").asBoolean()).isFalse();
        assertThat(started.json().get("created_at").asText()).isEqualTo(createdAt);
    }

    @Test
    void everyInvalidFieldOfANewJobIs400NamingIt() {
        ProjectId project = jobsProject();
        String source = createSource(project, "Stripe");
        String importOf = "\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"charges\"";
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("{}", "kind"),
                Map.entry("{\"kind\": \"export\"}", "kind"),
                Map.entry("{\"kind\": 1}", "kind"),
                Map.entry("{\"kind\": \"import\", \"schema_name\": \"charges\"}", "source_id"),
                Map.entry("{\"kind\": \"import\", \"source_id\": \"nope\", \"schema_name\": \"c\"}", "source_id"),
                Map.entry(
                        "{\"kind\": \"import\", \"source_id\": \"" + UUID_ZERO + "\", \"schema_name\": \"c\"}",
                        "source_id"),
                Map.entry("{\"kind\": \"import\", \"source_id\": \"" + source + "\"}", "schema_name"),
                Map.entry("{" + importOf + ", \"billable\": \"yes\"}", "billable"),
                Map.entry("{" + importOf + ", \"billable\": 1}", "billable"),
                Map.entry("{" + importOf + ", \"schema_name\": 5}", "schema_name"),
                Map.entry("{" + importOf + ", \"saved_query_name\": \"v\"}", "saved_query_name"),
                Map.entry("{" + importOf + ", \"created_at\": \"yesterday\"}", "created_at"),
                Map.entry(
                        "{" + importOf + ", \"created_at\": \"" + Instant.now().plusSeconds(3600) + "\"}",
                        "created_at"),
                Map.entry("{" + importOf + ", \"colour\": \"red\"}", "colour"),
                Map.entry("{\"kind\": \"model\"}", "saved_query_name"),
                Map.entry(
                        "{\"kind\": \"model\", \"saved_query_name\": \"v\", \"source_id\": \"" + source + "\"}",
                        "source_id"),
                Map.entry("{\"kind\": \"model\", \"saved_query_name\": \"v\", \"billable\": true}", "billable"),
                Map.entry(
                        "{\"kind\": \"model\", \"saved_query_name\": \"v\", \"workflow_run_id\": 7}",
                        "workflow_run_id"));

        refusals.forEach((body, field) -> {
            Answer answer = api.postJson(jobs(project), admin, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.error()).as(body).contains(field);
        });
    }

    @Test
    void aSourceOfAnotherProjectIsAnUnknownSource() {
        ProjectId mine = target.newProject();
        String foreign = createSource(target.newProject(), "Stripe");

        Answer answer = startImport(mine, foreign, "charges");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("source_id does not name a source of this project");
    }

    @Test
    void everyInvalidReportIs400NamingTheFieldAndChangesNothing() {
        ProjectId project = jobsProject();
        String id = startedImport(project, createSource(project, "Stripe"));
        assertThat(patch(job(project, id), admin, "{\"rows\": 10}").status()).isEqualTo(200);
        Map<String, String> refusals = Map.of(
                "{\"rows\": -1}", "rows",
                "{\"rows\": 9}", "rows",
                "{\"rows\": \"11\"}", "rows",
                "{\"rows\": 11.5}", "rows",
                "{\"status\": \"Running\"}", "status",
                "{\"status\": \"Done\"}", "status",
                "{\"status\": 3}", "status",
                "{\"latest_error\": false}", "latest_error",
                "{\"finished_at\": \"2026-01-01T00:00:00Z\"}", "finished_at");

        refusals.forEach((body, field) -> {
            Answer answer = patch(job(project, id), admin, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.error()).as(body).contains(field);
        });
        JsonNode after = api.get(job(project, id), admin).json();
        assertThat(after.get("rows").asLong()).isEqualTo(10);
        assertThat(after.get("status").asText()).isEqualTo("Running");
    }

    @Test
    void anUnknownJobIsNotFound() {
        ProjectId project = jobsProject();
        for (String id : new String[] {UUID_ZERO, "not-a-uuid"}) {
            Answer get = api.get(job(project, id), admin);
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.text()).isEqualTo("{\"error\":\"job not found\"}");
            assertThat(patch(job(project, id), admin, "{\"rows\": 1}").error()).isEqualTo("job not found");
        }
    }

    @Test
    void aJobOfAnotherProjectIsNotFound() {
        ProjectId other = target.newProject();
        String id = startedImport(other, createSource(other, "Stripe"));
        ProjectId mine = target.newProject();

        assertThat(api.get(job(mine, id), admin).error()).isEqualTo("job not found");
        assertThat(patch(job(mine, id), admin, "{\"status\": \"Completed\"}").status())
                .isEqualTo(404);
        assertThat(api.get(job(other, id), admin).json().get("status").asText()).isEqualTo("Running");
    }

    @Test
    void reportingNeedsTheJobsScopeAndReadingEitherTheReadOrTheJobsScope() {
        InProcessWharf wharf = target.inProcess();
        ProjectId project = ProjectId.of(1);
        String readOnly = wharf.principals().readOnly();
        String jobsOnly = wharf.keyFor(wharf.devUser(), Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());
        String source = createSource(project, "Stripe");
        String body = "{\"kind\": \"import\", \"source_id\": \"" + source + "\", \"schema_name\": \"charges\"}";

        Answer started = api.postJson(jobs(project), jobsOnly, body);
        assertThat(started.status()).isEqualTo(201);
        String id = started.json().get("id").asText();
        Answer reported = patch(job(project, id), jobsOnly, "{\"rows\": 1}");
        assertThat(reported.status()).isEqualTo(200);
        Answer readBack = api.get(job(project, id), jobsOnly);
        assertThat(readBack.status()).isEqualTo(200);
        assertThat(readBack.json()).isEqualTo(reported.json());

        assertThat(api.get(job(project, id), readOnly).status()).isEqualTo(200);
        Answer refused = api.postJson(jobs(project), readOnly, body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("permission_denied");
        assertThat(patch(job(project, id), readOnly, "{\"rows\": 2}").status()).isEqualTo(403);
        assertThat(api.get(job(project, id), null).status()).isEqualTo(401);
        assertThat(api.get(job(project, id), wharf.principals().outsider()).status())
                .isEqualTo(404);
        assertThat(api.postJson(jobs(project), wharf.principals().limitedToOtherProject(), body)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void wrongMethodsAndContentTypesAreRefused() {
        ProjectId project = jobsProject();

        assertThat(api.get(jobs(project), admin).status()).isEqualTo(405);
        assertThat(api.post(jobs(project), admin, "text/plain", "kind=import").status())
                .isEqualTo(415);
    }
}
