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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET job_stats}: the counts, the breakdown's buckets and the 400s. */
class JobStatsContractTest extends ContractTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    @Test
    void everyBucketIsPresentNewestFirst() {
        ProjectId project = ProjectId.of(1);
        for (String[] c :
                new String[][] {{"job_stats", "7"}, {"job_stats/?days=1", "24"}, {"job_stats?days=30", "30"}}) {
            Answer answer = api.get(path(project, c[0]), admin);
            assertThat(answer.status()).as(c[0]).isEqualTo(200);
            List<String> keys = keys(answer.json().get("breakdown"));
            assertThat(keys).as(c[0]).hasSize(Integer.parseInt(c[1]));
            assertThat(keys).as("newest first").isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void jobsAreCountedPerKindAndBucketedInTheProjectsTimeZone() {
        InProcessWharf wharf = target.inProcess(ActivityContractTest.ARRANGES_JOBS);
        ProjectId project = wharf.project(TOKYO);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Source source = Source.create(SourceId.random(), project, "Stripe", null, now.minus(Duration.ofDays(60)));
        wharf.sources().insert(source);
        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        List<Job> jobs = List.of(
                importJob(project, source, twoDaysAgo, true).finish(JobStatus.COMPLETED, now),
                importJob(project, source, twoDaysAgo, true).finish(JobStatus.BILLING_LIMIT_TOO_LOW, now),
                importJob(project, source, twoDaysAgo, false).finish(JobStatus.FAILED, now),
                importJob(project, source, now.minus(Duration.ofMinutes(5)), true),
                Job.startModel(JobId.random(), project, "m", null, twoDaysAgo, twoDaysAgo)
                        .finish(JobStatus.FAILED, now),
                Job.startModel(JobId.random(), project, "n", null, now.minus(Duration.ofDays(9)), now)
                        .finish(JobStatus.COMPLETED, now));
        jobs.forEach(wharf.jobs()::insert);

        Answer answer = api.get("/api/environments/" + project + "/data_warehouse/job_stats", admin);

        JsonNode body = answer.json();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(body.get("days").asInt()).isEqualTo(7);
        assertThat(body.get("total_jobs").asLong()).isEqualTo(3);
        assertThat(body.get("successful_jobs").asLong()).isEqualTo(1);
        assertThat(body.get("failed_jobs").asLong()).isEqualTo(2);
        assertThat(body.get("external_data_jobs").toString())
                .isEqualTo("{\"total\":2,\"running\":1,\"successful\":1,\"failed\":1}");
        assertThat(body.get("modeling_jobs").toString())
                .isEqualTo("{\"total\":1,\"running\":0,\"successful\":0,\"failed\":1}");
        String today = LocalDate.ofInstant(now, TOKYO).toString();
        String bucket = LocalDate.ofInstant(twoDaysAgo, TOKYO).toString();
        assertThat(keys(body.get("breakdown"))).first().isEqualTo(today);
        assertThat(body.get("breakdown").get(bucket).toString()).isEqualTo("{\"successful\":1,\"failed\":2}");
        String hour = api.get(path(project, "job_stats?days=1"), admin)
                .json()
                .get("breakdown")
                .fieldNames()
                .next();
        assertThat(hour).endsWith(":00:00+09:00");
    }

    @Test
    void hoursOfAZoneOffByAQuarterHourStartAtItsOwnHour() {
        InProcessWharf wharf = target.inProcess(ActivityContractTest.ARRANGES_JOBS);
        ProjectId project = wharf.project(KATHMANDU);
        ZonedDateTime hour = ZonedDateTime.now(KATHMANDU).truncatedTo(ChronoUnit.HOURS);
        Instant start = hour.toInstant();
        Instant justBefore = start.minus(Duration.ofNanos(1000));
        wharf.jobs()
                .insert(Job.startModel(JobId.random(), project, "m", null, start, start)
                        .finish(JobStatus.COMPLETED, start));
        wharf.jobs()
                .insert(Job.startModel(JobId.random(), project, "n", null, justBefore, justBefore)
                        .finish(JobStatus.FAILED, start));

        JsonNode breakdown =
                api.get(path(project, "job_stats?days=1"), admin).json().get("breakdown");

        assertThat(HOUR.format(hour)).endsWith(":00:00+05:45");
        assertThat(breakdown.get(HOUR.format(hour)).toString()).isEqualTo("{\"successful\":1,\"failed\":0}");
        assertThat(breakdown.get(HOUR.format(hour.minusHours(1))).toString())
                .isEqualTo("{\"successful\":0,\"failed\":1}");
    }

    @Test
    void daysOtherThanOneSevenOrThirtyAre400() {
        ProjectId project = ProjectId.of(1);
        String[][] cases = {
            {"job_stats?days=2", "Invalid days parameter. Must be 1, 7, or 30."},
            {"job_stats/?days=-7", "Invalid days parameter. Must be 1, 7, or 30."},
            {"job_stats?days=week", "Invalid days parameter"},
            {"job_stats?days=", "Invalid days parameter"},
        };
        for (String[] c : cases) {
            Answer answer = api.get(path(project, c[0]), admin);
            assertThat(answer.status()).as(c[0]).isEqualTo(400);
            assertThat(answer.text()).as(c[0]).isEqualTo("{\"error\":\"" + c[1] + "\"}");
        }
    }

    private static Job importJob(ProjectId project, Source source, Instant created, boolean billable) {
        return Job.startImport(JobId.random(), project, source.id(), "s", billable, null, created, created);
    }

    private static List<String> keys(JsonNode breakdown) {
        List<String> keys = new ArrayList<>();
        breakdown.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
