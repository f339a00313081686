package dev.wharf.domain.webhook;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to a project that subscribers may be told of: its type, when, and its data (names and
 * values Wharf chose the shape of: strings, numbers, booleans, instants, nulls), delivered as
 * {@code {"type", "timestamp", "data"}}. Never carries a password or a key.
 */
public record WebhookEvent(
        UUID id, ProjectId projectId, WebhookEventType type, Instant occurredAt, Map<String, Object> data) {
    public WebhookEvent {
        Require.nonNull(id, "id");
        Require.nonNull(projectId, "projectId");
        Require.nonNull(type, "type");
        Require.nonNull(occurredAt, "occurredAt");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A new event with a random id; {@code keysAndValues} alternate, in the order the payload shows them. */
    public static WebhookEvent of(ProjectId project, WebhookEventType type, Instant at, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("project_id", project.value());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new WebhookEvent(UUID.randomUUID(), project, type, at, data);
    }
}
