package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.application.port.in.job.Page;
import dev.wharf.application.port.in.job.PageRequest;
import dev.wharf.domain.job.Source;
import java.util.List;

/**
 * One page of sources, with PostHog's relative links: {@code ?limit=…&offset=…} for the next page when there is one,
 * and for the previous page when the offset is past 0; null otherwise.
 */
public record SourcePageResponse(
        @JsonProperty("results") List<SourceResponse> results,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous) {

    static SourcePageResponse of(Page<Source> page) {
        PageRequest request = page.request();
        int limit = request.limit();
        int offset = request.offset();
        return new SourcePageResponse(
                page.results().stream().map(SourceResponse::of).toList(),
                page.hasMore() ? link(limit, offset + limit) : null,
                offset > 0 ? link(limit, Math.max(0, offset - limit)) : null);
    }

    private static String link(int limit, int offset) {
        return "?limit=" + limit + "&offset=" + offset;
    }
}
