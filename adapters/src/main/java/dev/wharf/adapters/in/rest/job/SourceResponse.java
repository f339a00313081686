package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.domain.job.Source;
import java.time.Instant;

/**
 * A source as the API shows it; {@code prefix} explicitly null when unset. {@code freshness} is its window ({@code
 * "6h"}, null without one), {@code last_synced_at} when its newest completed import finished (null before one), and
 * {@code freshness_status} {@code fresh} or {@code late} at the time of the answer (null without a window).
 */
public record SourceResponse(
        @JsonProperty("id") String id,
        @JsonProperty("source_type") String sourceType,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("freshness") String freshness,
        @JsonProperty("last_synced_at") String lastSyncedAt,
        @JsonProperty("freshness_status") String freshnessStatus) {

    static SourceResponse of(Source source, Instant now) {
        return new SourceResponse(
                source.id().toString(),
                source.sourceType(),
                source.prefix(),
                Timestamps.format(source.createdAt()),
                source.freshness() == null ? null : source.freshness().text(),
                source.lastSyncedAt() == null ? null : Timestamps.format(source.lastSyncedAt()),
                source.freshnessStatus(now));
    }
}
