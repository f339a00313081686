package dev.wharf.adapters.in.rest.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.PageLinks;
import dev.wharf.application.paging.Page;
import java.util.List;
import java.util.function.Function;

/** A page of subscriptions or of deliveries, with relative links, as the activity lists. */
public record WebhookPageResponse<T>(
        @JsonProperty("results") List<T> results,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous) {

    static <S, T> WebhookPageResponse<T> of(Page<S> page, Function<S, T> row) {
        PageLinks links = PageLinks.of(page);
        return new WebhookPageResponse<>(page.results().stream().map(row).toList(), links.next(), links.previous());
    }
}
