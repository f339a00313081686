package dev.wharf.adapters.in.rest.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.adapters.in.rest.JsonSettings;
import dev.wharf.application.port.in.usage.TotalRowsStats;
import dev.wharf.domain.job.SourceId;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.usage.BillingInterval;
import dev.wharf.domain.usage.BillingPeriod;
import io.dropwizard.jackson.Jackson;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TotalRowsStatsJsonTest {
    private static final BillingPeriod PERIOD = new BillingPeriod(
            Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), BillingInterval.MONTH);
    private static final SourceId STRIPE = SourceId.random();
    private static final ProjectId PROJECT = ProjectId.of(1);

    private final ObjectMapper mapper = mapper();
    private final TotalRowsStatsJson json = new TotalRowsStatsJson(mapper);

    @Test
    void writesWhatTheApisMapperWritesForTheResponse() throws Exception {
        TotalRowsStats stats = TotalRowsStats.of(PERIOD, 5, 12, 3, Map.of(STRIPE, 12L));

        assertThat(json.write(PROJECT, stats)).isEqualTo(mapper.writeValueAsBytes(TotalRowsStatsResponse.of(stats)));
        assertThat(mapper.readTree(json.write(PROJECT, stats))
                        .get("breakdown_of_rows_by_source")
                        .get(STRIPE.value().toString())
                        .asLong())
                .isEqualTo(12);
    }

    @Test
    void anEqualAnswerIsNotWrittenAgainAndAnotherOneIs() throws Exception {
        byte[] first = json.write(PROJECT, TotalRowsStats.of(PERIOD, 5, 12, 3, Map.of(STRIPE, 12L)));

        assertThat(json.write(PROJECT, TotalRowsStats.of(PERIOD, 5, 12, 3, Map.of(STRIPE, 12L))))
                .isSameAs(first);
        byte[] changed = json.write(PROJECT, TotalRowsStats.of(PERIOD, 5, 13, 3, Map.of(STRIPE, 13L)));
        assertThat(changed).isNotSameAs(first);
        assertThat(mapper.readTree(changed).get("pending_billing_rows").asLong())
                .isEqualTo(8);
        assertThat(json.write(ProjectId.of(2), TotalRowsStats.unavailable())).isNotEqualTo(changed);
    }

    @Test
    void noMoreThanTheLimitIsKept() {
        for (long project = 1; project <= 3L * TotalRowsStatsJson.MAX; project++) {
            json.write(ProjectId.of(project), TotalRowsStats.unavailable());
            assertThat(json.size()).isLessThanOrEqualTo(TotalRowsStatsJson.MAX);
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = Jackson.newObjectMapper();
        JsonSettings.apply(mapper);
        return mapper;
    }
}
