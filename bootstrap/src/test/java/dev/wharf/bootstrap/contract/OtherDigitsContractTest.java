package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.project.ProjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ids and numbers written in other scripts' digits, which Java's {@code Character.isDigit} and {@code Long.parseLong}
 * accept, are not ids or numbers: they get the 404 or 400 of any other invalid value, never another project's answer.
 */
class OtherDigitsContractTest extends JobsContractSupport {
    /** "1" as Arabic-Indic U+0661, fullwidth U+FF11 and Devanagari U+0967, percent-encoded as UTF-8 for a URL. */
    private static final List<String> ONE = List.of("%D9%A1", "%EF%BC%91", "%E0%A5%A7");

    @Test
    void aProjectIdInOtherDigitsIsAProjectThatDoesNotExist() {
        for (String prefix : List.of("/api/projects/", "/api/environments/")) {
            for (String one : ONE) {
                for (String rest : List.of("/data_warehouse/warehouse_status/", "/external_data_sources/")) {
                    Answer answer = api.get(prefix + one + rest, admin);
                    assertThat(answer.status()).as(prefix + one + rest).isEqualTo(404);
                    assertThat(answer.text()).as(prefix + one + rest).isEqualTo(AccessContractTest.NOT_FOUND);
                }
                Answer mixed = api.get(prefix + "1" + one + "/data_warehouse/warehouse_status/", admin);
                assertThat(mixed.text()).isEqualTo(AccessContractTest.NOT_FOUND);
            }
        }
    }

    @Test
    void aJobOrSourceIdWithOtherDigitsIsNotFound() {
        ProjectId project = jobsProject();
        String source = createSource(project, "Stripe");
        String job = startedImport(project, source);
        for (String one : ONE) {
            String otherJob = withOtherDigit(job, one);
            assertThat(api.get(job(project, otherJob), admin).error()).isEqualTo("job not found");
            assertThat(patch(job(project, otherJob), admin, "{\"rows\": 1}").error())
                    .isEqualTo("job not found");
            assertThat(delete(sources(project) + withOtherDigit(source, one) + "/", admin)
                            .error())
                    .isEqualTo("source not found");
        }
        assertThat(api.get(job(project, job), admin).json().get("rows").asLong())
                .as("the job is untouched")
                .isZero();

        String unicodeSource = source.replaceFirst("[0-9]", "\u0661");
        Answer started = api.postJson(
                jobs(project),
                admin,
                "{\"kind\": \"import\", \"source_id\": \"" + unicodeSource + "\", \"schema_name\": \"x\"}");
        assertThat(started.status()).isEqualTo(400);
        assertThat(started.error()).isEqualTo("source_id must be a UUID");
    }

    @Test
    void aNumberInOtherDigitsIsNotANumber() {
        ProjectId project = jobsProject();
        for (String one : ONE) {
            assertThat(api.get(sources(project) + "?limit=" + one, admin).error())
                    .isEqualTo("Invalid limit or offset parameter");
            assertThat(api.get(sources(project) + "?offset=" + one, admin).error())
                    .isEqualTo("Invalid limit or offset parameter");
            assertThat(api.get(path(project, "running_activity/?limit=" + one), admin)
                            .error())
                    .isEqualTo("Invalid limit, offset, or cutoff_days parameter");
            assertThat(api.get(path(project, "completed_activity/?cutoff_days=" + one), admin)
                            .error())
                    .isEqualTo("Invalid limit, offset, or cutoff_days parameter");
            assertThat(api.get(path(project, "job_stats/?days=" + one), admin).error())
                    .isEqualTo("Invalid days parameter");
        }
    }

    /** The id with its first ASCII digit replaced by {@code digit} (percent-encoded). */
    private static String withOtherDigit(String id, String digit) {
        String replaced = id.replaceFirst("[0-9]", "%%");
        assertThat(replaced).as("an id with a digit").contains("%%");
        return replaced.replace("%%", digit);
    }
}
