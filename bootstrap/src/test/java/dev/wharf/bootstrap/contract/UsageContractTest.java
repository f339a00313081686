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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET total_rows_stats}: every key, the sums over arranged jobs, and who may read it. */
class UsageContractTest extends ContractTest {
    private static final List<String> KEYS = List.of(
            "billing_available",
            "billing_interval",
            "billing_period_start",
            "billing_period_end",
            "breakdown_of_rows_by_source",
            "materialized_rows_in_billing_period",
            "total_rows",
            "tracked_billing_rows",
            "pending_billing_rows",
            "row_limit");

    @Test
    void everyKeyIsPresentAndTheTotalIsTrackedPlusPending() {
        for (String action : new String[] {"total_rows_stats", "total_rows_stats/"}) {
            Answer answer = api.get(path(ProjectId.of(1), action), admin);
            assertThat(answer.status()).as(action).isEqualTo(200);
            JsonNode body = answer.json();
            assertThat(fieldNames(body)).containsExactlyElementsOf(KEYS);
            assertThat(body.get("total_rows").asLong())
                    .isEqualTo(body.get("tracked_billing_rows").asLong()
                            + body.get("pending_billing_rows").asLong());
        }
    }

    @Test
    void billableRowsOfTheCurrentPeriodAreSummedPerLiveSourceWithoutFailedImports() {
        InProcessWharf wharf = target.inProcess(ActivityContractTest.ARRANGES_JOBS);
        ProjectId project = wharf.project();
        JsonNode empty = api.get(path(project, "total_rows_stats"), admin).json();
        assertThat(empty.get("billing_available").asBoolean()).isTrue();
        assertThat(empty.get("billing_interval").asText()).isEqualTo("month");
        assertThat(empty.get("breakdown_of_rows_by_source").size()).isZero();
        Instant start = Instant.parse(empty.get("billing_period_start").asText());
        Instant end = Instant.parse(empty.get("billing_period_end").asText());
        Instant in = start.plusSeconds(1);
        Source stripe = source(wharf, project, "Stripe", start);
        Source hubspot = source(wharf, project, "Hubspot", start);
        Source gone = source(wharf, project, "Postgres", start);
        Source idle = source(wharf, project, "Zendesk", start);
        wharf.jobs().insert(importJob(project, stripe, in, true, 300).finish(JobStatus.COMPLETED, in));
        wharf.jobs().insert(importJob(project, stripe, in, true, 9_000).finish(JobStatus.FAILED, in));
        wharf.jobs().insert(importJob(project, stripe, in, false, 8_000).finish(JobStatus.COMPLETED, in));
        wharf.jobs().insert(importJob(project, hubspot, in, true, 40));
        wharf.jobs().insert(importJob(project, hubspot, start.minusSeconds(1), true, 7_000));
        wharf.jobs().insert(importJob(project, hubspot, end, true, 6_000));
        wharf.jobs().insert(importJob(project, gone, in, true, 5).finish(JobStatus.COMPLETED, in));
        wharf.sources().update(gone.delete(in));
        wharf.jobs()
                .insert(Job.startModel(JobId.random(), project, "m", null, in, in)
                        .reportRows(12, in)
                        .finish(JobStatus.FAILED, in));

        Answer answer = api.get("/api/environments/" + project + "/data_warehouse/total_rows_stats/", admin);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("billing_period_start").asText()).isEqualTo(ActivityContractTest.stamp(start));
        assertThat(body.get("billing_period_end").asText()).isEqualTo(ActivityContractTest.stamp(end));
        JsonNode breakdown = body.get("breakdown_of_rows_by_source");
        assertThat(fieldNames(breakdown))
                .containsExactlyInAnyOrder(
                        stripe.id().toString(),
                        hubspot.id().toString(),
                        idle.id().toString());
        assertThat(breakdown.get(stripe.id().toString()).asLong()).isEqualTo(300);
        assertThat(breakdown.get(hubspot.id().toString()).asLong()).isEqualTo(40);
        assertThat(breakdown.get(idle.id().toString()).asLong()).isZero();
        assertThat(body.get("tracked_billing_rows").asLong()).isZero();
        assertThat(body.get("pending_billing_rows").asLong()).isEqualTo(345);
        assertThat(body.get("total_rows").asLong()).isEqualTo(345);
        assertThat(body.get("materialized_rows_in_billing_period").asLong()).isEqualTo(12);
    }

    @Test
    void aReadOnlyKeyMayReadTheStatistics() {
        String readOnly = target.inProcess().principals().readOnly();

        assertThat(api.get(path(ProjectId.of(1), "total_rows_stats"), readOnly).status())
                .isEqualTo(200);
    }

    private static Source source(InProcessWharf wharf, ProjectId project, String type, Instant start) {
        Source source = Source.create(SourceId.random(), project, type, null, start.minus(Duration.ofDays(1)));
        wharf.sources().insert(source);
        return source;
    }

    private static Job importJob(ProjectId project, Source source, Instant createdAt, boolean billable, long rows) {
        return Job.startImport(JobId.random(), project, source.id(), "t", billable, null, createdAt, createdAt)
                .reportRows(rows, createdAt);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
