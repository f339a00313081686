package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.domain.job.Source;

/** A source as the API shows it; {@code prefix} explicitly null when unset. */
public record SourceResponse(
        @JsonProperty("id") String id,
        @JsonProperty("source_type") String sourceType,
        @JsonProperty("prefix") String prefix,
        @JsonProperty("created_at") String createdAt) {

    static SourceResponse of(Source source) {
        return new SourceResponse(
                source.id().toString(), source.sourceType(), source.prefix(), Timestamps.format(source.createdAt()));
    }
}
