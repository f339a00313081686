package dev.wharf.adapters.in.rest.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST webhooks}'s body. */
public record CreateWebhookRequest(
        @JsonProperty("url") String url,
        @JsonProperty("events") List<String> events,
        @JsonProperty("description") String description) {}
