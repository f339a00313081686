package dev.wharf.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.bootstrap.contract.ContractClient.Answer;
import dev.wharf.domain.job.Job;
import dev.wharf.domain.job.JobId;
import dev.wharf.domain.job.JobStatus;
import dev.wharf.domain.job.Source;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET running_activity} and {@code GET completed_activity}: rows, paging links and every 400. */
class ActivityContractTest extends ContractTest {
    static final String ARRANGES_JOBS = "arranges jobs directly in Wharf's metadata, which only the in-process mode"
            + " can reach (remote mode, -D" + ContractTarget.BASE_URL + ", has no metadata access)";
    static final String INTS = "Invalid limit, offset, or cutoff_days parameter";
    static final String KIND = "Invalid kind parameter. Must be one of: all, import, model.";
    static final String OUTCOME = "Invalid outcome parameter. Must be one of: all, completed, failed.";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void aProjectWithoutJobsHasAnEmptyFirstPage() {
        ProjectId project = target.inProcess(ARRANGES_JOBS).project();

        for (String action : new String[] {"running_activity", "running_activity/", "completed_activity/"}) {
            Answer answer = api.get(path(project, action), admin);
            assertThat(answer.status()).as(action).isEqualTo(200);
            assertThat(answer.text()).isEqualTo("{\"results\":[],\"next\":null,\"previous\":null}");
        }
    }

    @Test
    void runningJobsArePagedNewestFirstWithLinksThatOmitKind() {
        InProcessWharf wharf = target.inProcess(ARRANGES_JOBS);
        ProjectId project = wharf.project();
        Source stripe = Source.create(SourceId.random(), project, "Stripe", null, NOW.minus(Duration.ofDays(1)));
        wharf.sources().insert(stripe);
        Job model = Job.startModel(JobId.random(), project, "revenue", "wf-m", ago(1), ago(1));
        Job newest = Job.startImport(JobId.random(), project, stripe.id(), "charges", true, "wf-1", ago(2), ago(2))
                .reportRows(7, ago(1));
        Job older = Job.startImport(JobId.random(), project, stripe.id(), "refunds", true, null, ago(3), ago(3));
        Job finished = Job.startImport(JobId.random(), project, stripe.id(), "done", true, null, ago(4), ago(4))
                .finish(JobStatus.COMPLETED, ago(3));
        for (Job job : List.of(model, newest, older, finished)) {
            wharf.jobs().insert(job);
        }
        wharf.sources().update(stripe.delete(NOW));

        Answer first = api.get(path(project, "running_activity/?limit=2&kind=all"), admin);
        Answer second =
                api.get("/api/environments/" + project + "/data_warehouse/running_activity?limit=2&offset=2", admin);

        assertThat(ids(first))
                .containsExactly(model.id().toString(), newest.id().toString());
        assertThat(first.json().get("next").asText()).isEqualTo("?limit=2&offset=2&cutoff_days=30");
        assertThat(first.json().get("previous").isNull()).isTrue();
        assertThat(first.json().get("results").get(0).toString())
                .isEqualTo("{\"id\":\"" + model.id() + "\",\"type\":\"Materialized view\",\"name\":\"revenue\","
                        + "\"status\":\"Running\",\"rows\":0,\"created_at\":\"" + stamp(model.createdAt())
                        + "\",\"finished_at\":null,\"latest_error\":null,\"workflow_run_id\":\"wf-m\","
                        + "\"origin\":null,\"source_id\":null}");
        JsonNode imported = first.json().get("results").get(1);
        assertThat(imported.get("type").asText()).as("a deleted source's type").isEqualTo("Stripe");
        assertThat(imported.get("source_id").asText()).isEqualTo(stripe.id().toString());
        assertThat(imported.get("rows").asLong()).isEqualTo(7);
        assertThat(ids(second)).containsExactly(older.id().toString());
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(second.json().get("previous").asText()).isEqualTo("?limit=2&offset=0&cutoff_days=30");
        assertThat(ids(api.get(path(project, "running_activity?kind=model"), admin)))
                .containsExactly(model.id().toString());
        assertThat(ids(api.get(path(project, "running_activity?limit=100&offset=-4&cutoff_days=-1"), admin)))
                .isEmpty();
    }

    @Test
    void finishedJobsAreFilteredByOutcomeAndTheLinksCarryOutcomeAndKind() {
        InProcessWharf wharf = target.inProcess(ARRANGES_JOBS);
        ProjectId project = wharf.project();
        Source source = Source.create(SourceId.random(), project, "Postgres", null, NOW.minus(Duration.ofDays(1)));
        wharf.sources().insert(source);
        List<Job> jobs = new ArrayList<>();
        JobStatus[] statuses = {
            JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.BILLING_LIMIT_REACHED, JobStatus.COMPLETED
        };
        for (int i = 0; i < statuses.length; i++) {
            Job job = Job.startImport(
                            JobId.random(), project, source.id(), "t" + i, true, null, ago(10 - i), ago(10 - i))
                    .finish(statuses[i], ago(1));
            wharf.jobs().insert(job);
            jobs.add(job);
        }
        Job old = Job.startModel(JobId.random(), project, "old", null, NOW.minus(Duration.ofDays(3)), ago(60))
                .finish(JobStatus.COMPLETED, ago(50));
        wharf.jobs().insert(old);

        Answer completed = api.get(path(project, "completed_activity/?limit=1"), admin);
        Answer failed = api.get(path(project, "completed_activity?outcome=failed&kind=import&offset=1"), admin);
        Answer all = api.get(path(project, "completed_activity?outcome=all&cutoff_days=1"), admin);

        assertThat(ids(completed)).containsExactly(jobs.get(3).id().toString());
        assertThat(completed.json().get("next").asText())
                .isEqualTo("?limit=1&offset=1&cutoff_days=30&outcome=completed&kind=all");
        assertThat(completed.json().get("results").get(0).get("finished_at").asText())
                .isEqualTo(stamp(ago(1)));
        assertThat(ids(failed)).containsExactly(jobs.get(1).id().toString());
        assertThat(failed.json().get("previous").asText())
                .isEqualTo("?limit=20&offset=0&cutoff_days=30&outcome=failed&kind=import");
        assertThat(ids(all)).hasSize(4);
        assertThat(ids(api.get(path(project, "completed_activity?cutoff_days=5&kind=model"), admin)))
                .containsExactly(old.id().toString());
    }

    @Test
    void badParametersAre400WithPostHogsWords() {
        ProjectId project = ProjectId.of(1);
        String[][] cases = {
            {"running_activity?kind=views", KIND},
            {"running_activity/?kind=views&limit=x", KIND},
            {"running_activity?limit=0", INTS},
            {"running_activity?limit=-1", INTS},
            {"running_activity?limit=abc", INTS},
            {"running_activity?offset=1.5", INTS},
            {"running_activity?cutoff_days=", INTS},
            {"completed_activity?outcome=done", OUTCOME},
            {"completed_activity?outcome=done&kind=nope", KIND},
            {"completed_activity/?outcome=failed&limit=0", INTS},
            {"completed_activity?cutoff_days=week", INTS},
        };
        for (String[] c : cases) {
            Answer answer = api.get(path(project, c[0]), admin);
            assertThat(answer.status()).as(c[0]).isEqualTo(400);
            assertThat(answer.text()).as(c[0]).isEqualTo("{\"error\":\"" + c[1] + "\"}");
        }
    }

    @Test
    void aReadOnlyKeyMayReadActivity() {
        String readOnly = target.inProcess().principals().readOnly();

        assertThat(api.get(path(ProjectId.of(1), "running_activity"), readOnly).status())
                .isEqualTo(200);
        assertThat(api.get(path(ProjectId.of(1), "completed_activity"), readOnly)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(path(ProjectId.of(1), "job_stats"), readOnly).status())
                .isEqualTo(200);
    }

    private static Instant ago(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    static String stamp(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(instant);
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("results").forEach(row -> ids.add(row.get("id").asText()));
        return ids;
    }
}
