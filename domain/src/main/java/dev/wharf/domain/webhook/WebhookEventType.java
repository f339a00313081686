package dev.wharf.domain.webhook;

import dev.wharf.domain.shared.RuleViolationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a project can subscribe to, by the names subscribers see. */
public enum WebhookEventType {
    WAREHOUSE_STATE_CHANGED("warehouse.state_changed"),
    WAREHOUSE_PASSWORD_RESET("warehouse.password_reset"),
    JOB_FAILED("job.failed"),
    JOB_STALE("job.stale"),
    SOURCE_FRESHNESS_MISSED("source.freshness_missed"),
    SOURCE_FRESHNESS_RESTORED("source.freshness_restored"),
    USAGE_ROW_LIMIT_REACHED("usage.row_limit_reached"),
    /** Sent only by the test endpoint, to the subscription tested; nobody subscribes to it. */
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean subscribable() {
        return this != WEBHOOK_TEST;
    }

    /** An event a subscription may name, or a 400 listing the ones there are. */
    public static WebhookEventType subscribable(String value) {
        for (WebhookEventType type : values()) {
            if (type.subscribable() && type.wireName.equals(value)) {
                return type;
            }
        }
        throw new RuleViolationException("unknown event " + describe(value) + "; events are "
                + Arrays.stream(values())
                        .filter(WebhookEventType::subscribable)
                        .map(WebhookEventType::wireName)
                        .collect(Collectors.joining(", ")));
    }

    public static WebhookEventType fromWireName(String value) {
        for (WebhookEventType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown webhook event type: " + value);
    }

    private static String describe(String value) {
        if (value == null) return "null";
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
