package dev.wharf.bootstrap.contract;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The base of the contract suite's classes: the target, its client and the admin key, and polling helpers. */
@ExtendWith(ContractTarget.Extension.class)
abstract class ContractTest {
    static ContractTarget target;
    static ContractClient api;
    static String admin;

    @BeforeAll
    static void connect() {
        target = ContractTarget.current();
        api = target.api();
        admin = target.adminKey();
    }

    @AfterEach
    void releaseScratchProject() {
        target.releaseScratchProject();
    }

    static String path(ProjectId project, String action) {
        return Paths.of(project, action);
    }

    static Answer provision(ProjectId project, String name) {
        return api.postJson(path(project, "provision"), admin, "{\"database_name\": \"" + name + "\"}");
    }

    static Answer awaitState(ProjectId project, String state) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Answer status = api.get(path(project, "warehouse_status"), admin);
        while (!state.equals(status.json().path("state").asText()) && System.nanoTime() < deadline) {
            Paths.sleep(20);
            status = api.get(path(project, "warehouse_status"), admin);
        }
        return status;
    }
}
