package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** External data sources: create, list page by page, soft delete, and the refusals. */
class SourcesContractTest extends JobsContractSupport {

    @Test
    void aSourceIsCreatedWithItsTypeAndPrefix() {
        ProjectId project = jobsProject();

        Answer created =
                api.postJson(sources(project), admin, "{\"source_type\": \"Stripe\", \"prefix\": \"billing_\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("source_type").asText()).isEqualTo("Stripe");
        assertThat(created.json().get("prefix").asText()).isEqualTo("billing_");
        assertThat(created.json().get("id").asText()).hasSize(36);
        Answer bare = api.postJson(
                "/api/environments/" + project + "/external_data_sources", admin, "{\"source_type\": \"Postgres\"}");
        assertThat(bare.status()).isEqualTo(201);
        assertThat(bare.json().get("prefix").isNull()).isTrue();
    }

    @Test
    void aFreshnessWindowIsSetChangedAndRemovedAndShownWithTheSourcesSyncStatus() {
        ProjectId project = jobsProject();
        Answer created = api.postJson(sources(project), admin, "{\"source_type\": \"Stripe\", \"freshness\": \"6h\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("freshness").asText()).isEqualTo("6h");
        assertThat(created.json().get("freshness_status").asText()).isEqualTo("fresh");
        assertThat(created.json().get("last_synced_at").isNull()).isTrue();
        String id = created.json().get("id").asText();
        String path = sources(project) + id + "/";

        Answer daily = api.send("PATCH", path, admin, "application/json", "{\"freshness\": \"24h\"}");
        assertThat(daily.status()).isEqualTo(200);
        assertThat(daily.json().get("freshness").asText()).isEqualTo("1d");
        Answer unchanged = api.send("PATCH", path, admin, "application/json", "{}");
        assertThat(unchanged.json().get("freshness").asText()).isEqualTo("1d");
        Answer removed = api.send("PATCH", path, admin, "application/json", "{\"freshness\": null}");
        assertThat(removed.json().get("freshness").isNull()).isTrue();
        assertThat(removed.json().get("freshness_status").isNull()).isTrue();
        for (String bad : List.of("\"4m\"", "\"91d\"", "\"6 hours\"", "\"\"")) {
            Answer refused = api.send("PATCH", path, admin, "application/json", "{\"freshness\": " + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.error()).as(bad).startsWith("freshness must be");
        }
        Answer number = api.send("PATCH", path, admin, "application/json", "{\"freshness\": 6}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.error()).isEqualTo("Invalid value for field 'freshness'");
        assertThat(api.postJson(sources(project), admin, "{\"source_type\": \"Stripe\", \"freshness\": \"1m\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.send(
                                "PATCH",
                                sources(project) + "00000000-0000-0000-0000-000000000000/",
                                admin,
                                "application/json",
                                "{\"freshness\": \"6h\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void sourcesAreListedNewestFirstPageByPage() {
        ProjectId project = target.newProject();
        List<String> created = new ArrayList<>();
        for (String type : List.of("Stripe", "Postgres", "Hubspot")) {
            created.add(0, createSource(project, type));
        }

        Answer first = api.get(sources(project) + "?limit=2", admin);
        assertThat(ids(first.json())).containsExactly(created.get(0), created.get(1));
        assertThat(first.json().get("next").asText()).isEqualTo("?limit=2&offset=2");
        assertThat(first.json().get("previous").isNull()).isTrue();

        Answer second = api.get(sources(project) + "?limit=2&offset=2", admin);
        assertThat(ids(second.json())).containsExactly(created.get(2));
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(second.json().get("previous").asText()).isEqualTo("?limit=2&offset=0");

        Answer all = api.get("/api/environments/" + project + "/external_data_sources?limit=500", admin);
        assertThat(ids(all.json())).containsExactlyElementsOf(created);
        assertThat(all.json().get("next").isNull()).isTrue();
    }

    @Test
    void badPagingIs400() {
        ProjectId project = jobsProject();
        for (String query : List.of("?limit=0", "?limit=-1", "?limit=abc", "?offset=x", "?limit=1.5")) {
            Answer answer = api.get(sources(project) + query, admin);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.error()).as(query).isEqualTo("Invalid limit or offset parameter");
        }
    }

    @Test
    void aNegativeOffsetIsTheFirstPageAsInEveryOtherList() {
        ProjectId project = jobsProject();
        createSource(project, "Stripe");

        Answer answer = api.get(sources(project) + "?limit=1&offset=-3", admin);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("previous").isNull()).isTrue();
        assertThat(ids(answer.json())).hasSize(1);
    }

    @Test
    void aDeletedSourceLeavesTheListButItsJobsStay() {
        ProjectId project = jobsProject();
        String source = createSource(project, "Stripe");
        String job = startedImport(project, source);

        Answer deleted = delete(sources(project) + source + "/", admin);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();

        assertThat(ids(api.get(sources(project) + "?limit=50", admin).json())).doesNotContain(source);
        Answer kept = api.get(job(project, job), admin);
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("type").asText()).isEqualTo("Stripe");
        Answer again = delete(sources(project) + source, admin);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo("source not found");
        Answer newJob = startImport(project, source, "charges");
        assertThat(newJob.status()).isEqualTo(400);
        assertThat(newJob.error()).contains("source_id");
    }

    @Test
    void deletingAnUnknownSourceIsNotFound() {
        ProjectId project = jobsProject();

        assertThat(delete(sources(project) + "not-a-uuid/", admin).error()).isEqualTo("source not found");
        assertThat(delete(sources(project) + "00000000-0000-0000-0000-000000000000/", admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aSourceOfAnotherProjectIsNotFoundHere() {
        ProjectId mine = target.newProject();
        ProjectId other = target.newProject();
        String source = createSource(other, "Stripe");

        assertThat(delete(sources(mine) + source + "/", admin).status()).isEqualTo(404);
        assertThat(ids(api.get(sources(other), admin).json())).containsExactly(source);
    }

    @Test
    void badBodiesAre400NamingTheField() {
        ProjectId project = jobsProject();

        assertThat(api.postJson(sources(project), admin, "{}").error()).isEqualTo("source_type is required");
        assertThat(api.postJson(sources(project), admin, "{\"source_type\": 5}").error())
                .isEqualTo("Invalid value for field 'source_type'");
        assertThat(api.postJson(sources(project), admin, "{\"source_type\": \"Stripe\", \"x\": 1}")
                        .error())
                .isEqualTo("Unknown field 'x'");
        assertThat(api.postJson(sources(project), admin, "{\"source_type\": \"" + "a".repeat(65) + "\"}")
                        .error())
                .contains("source_type");
    }

    @Test
    void readsNeedTheReadScopeAndWritesTheJobsScope() {
        ProjectId project = ProjectId.of(1);
        InProcessWharf wharf = target.inProcess();
        String readOnly = wharf.principals().readOnly();
        String jobsOnly = wharf.keyFor(wharf.devUser(), Set.of(Scope.WAREHOUSE_JOBS_WRITE), Set.of());
        String source = createSource(project, "Stripe");

        assertThat(api.get(sources(project), readOnly).status()).isEqualTo(200);
        Answer refused = api.postJson(sources(project), readOnly, "{\"source_type\": \"Stripe\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("warehouse_jobs:write");
        assertThat(delete(sources(project) + source, readOnly).status()).isEqualTo(403);
        assertThat(api.get(sources(project), jobsOnly).status()).isEqualTo(403);
        assertThat(api.postJson(sources(project), jobsOnly, "{\"source_type\": \"Stripe\"}")
                        .status())
                .isEqualTo(201);
        assertThat(delete(sources(project) + source, jobsOnly).status()).isEqualTo(204);
        assertThat(api.get(sources(project), null).status()).isEqualTo(401);
        assertThat(api.get(sources(project), wharf.principals().outsider()).status())
                .isEqualTo(404);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(source -> ids.add(source.get("id").asText()));
        return ids;
    }
}
