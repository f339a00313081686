package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import org.junit.jupiter.api.Test;

/** {@code GET check-database-name}. */
class NameCheckContractTest extends ContractTest {

    @Test
    void theNameCheckSaysWhyANameIsUnavailable() {
        ProjectId project = target.scratchProject();
        String checked = target.databaseName("checked", project);
        provision(project, checked);

        assertThat(api.get(path(project, "check-database-name?name=" + checked), admin)
                        .json()
                        .get("reason")
                        .asText())
                .isEqualTo("database name is already taken");
        String free = target.databaseName("free", project);
        Answer answer = api.get(path(project, "check-database-name/?name=" + free), admin);
        assertThat(answer.text()).isEqualTo("{\"name\":\"" + free + "\",\"available\":true}");
        Answer missing = api.get(path(project, "check-database-name"), admin);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("database_name is required");
    }

    @Test
    void anInvalidNameIsRefusedWithPostHogsWords() {
        Answer shape = api.get(path(ProjectId.of(1), "check-database-name/?name=Bad_Name"), admin);
        Answer length = api.get(path(ProjectId.of(1), "check-database-name/?name=x"), admin);

        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.error())
                .isEqualTo("Warehouse name must be a DNS label: lowercase letters, numbers, and hyphens, starting and"
                        + " ending with a letter or number");
        assertThat(length.status()).isEqualTo(400);
        assertThat(length.error()).isEqualTo("Warehouse name must be 3-63 characters");
    }
}
