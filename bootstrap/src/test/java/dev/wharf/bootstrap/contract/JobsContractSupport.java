package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;

/** Helpers for the sources and jobs contract tests: their paths, and a project to report jobs in. */
abstract class JobsContractSupport extends ContractTest {

    /** A new project in process; remotely the scratch project ({@value ContractTarget#PROJECT}, default 1). */
    static ProjectId jobsProject() {
        return target.isInProcess()
                ? target.inProcess().project()
                : ProjectId.of(Long.parseLong(System.getProperty(ContractTarget.PROJECT, "1")));
    }

    static String sources(ProjectId project) {
        return "/api/projects/" + project + "/external_data_sources/";
    }

    static String jobs(ProjectId project) {
        return path(project, "jobs/");
    }

    static String job(ProjectId project, String id) {
        return path(project, "jobs/" + id + "/");
    }

    static String createSource(ProjectId project, String type) {
        Answer created = api.postJson(sources(project), admin, "{\"source_type\": \"" + type + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static Answer startImport(ProjectId project, String sourceId, String schema) {
        return api.postJson(
                jobs(project),
                admin,
                "{\"kind\": \"import\", \"source_id\": \"" + sourceId + "\", \"schema_name\": \"" + schema + "\"}");
    }

    static String startedImport(ProjectId project, String sourceId) {
        Answer started = startImport(project, sourceId, "charges");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    static Answer patch(String path, String key, String body) {
        return api.send("PATCH", path, key, "application/json", body);
    }

    static Answer delete(String path, String key) {
        return api.send("DELETE", path, key, null, null);
    }
}
