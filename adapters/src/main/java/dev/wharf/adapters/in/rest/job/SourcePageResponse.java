package dev.wharf.adapters.in.rest.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.PageLinks;
import dev.wharf.application.paging.Page;
import dev.wharf.domain.job.Source;
import java.time.Instant;
import java.util.List;

/**
 * One page of sources, with PostHog's relative links: {@code ?limit=…&offset=…} for the next page when there is one,
 * and for the previous page when the offset is past 0; null otherwise.
 */
public record SourcePageResponse(
        @JsonProperty("results") List<SourceResponse> results,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous) {

    static SourcePageResponse of(Page<Source> page, Instant now) {
        PageLinks links = PageLinks.of(page);
        return new SourcePageResponse(
                page.results().stream().map(s -> SourceResponse.of(s, now)).toList(), links.next(), links.previous());
    }
}
