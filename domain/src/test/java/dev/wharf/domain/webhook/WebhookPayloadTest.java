package dev.wharf.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.domain.project.ProjectId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123456789Z");

    @Test
    void typeTimestampAndDataInOrder() {
        WebhookEvent event = WebhookEvent.of(
                ProjectId.of(7),
                WebhookEventType.WAREHOUSE_STATE_CHANGED,
                AT,
                "state",
                "ready",
                "previous_state",
                "provisioning",
                "ready_at",
                AT,
                "rows",
                1200L,
                "billable",
                true,
                "status_message",
                null);

        assertThat(WebhookPayload.json(event))
                .isEqualTo("{\"type\":\"warehouse.state_changed\",\"timestamp\":\"2026-12-03T10:15:30.123456Z\","
                        + "\"data\":{\"project_id\":7,\"state\":\"ready\",\"previous_state\":\"provisioning\","
                        + "\"ready_at\":\"2026-12-03T10:15:30.123456Z\",\"rows\":1200,\"billable\":true,"
                        + "\"status_message\":null}}");
    }

    @Test
    void aTenantsTextIsEscapedAndALoneSurrogateReplaced() {
        String error = "quote \" backslash \\ newline \n bell \u0007 sep \u2028 lone \uD800 pair \uD83D\uDE00 <script>";
        WebhookEvent event = WebhookEvent.of(ProjectId.of(1), WebhookEventType.JOB_FAILED, AT, "latest_error", error);

        String json = WebhookPayload.json(event);

        assertThat(json)
                .contains(
                        "quote \\\" backslash \\\\ newline \\n bell \\u0007 sep \\u2028 lone \uFFFD pair \uD83D\uDE00");
        assertThat(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(json);
    }
}
