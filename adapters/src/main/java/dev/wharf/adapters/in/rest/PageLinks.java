package dev.wharf.adapters.in.rest;

import dev.wharf.application.paging.Page;
import dev.wharf.application.paging.Paging;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostHog's relative links to the pages around one: {@code ?limit=…&offset=…} followed by the list's other parameters
 * in order, for the next page when the page says more follow, and for the previous one when the offset is past 0;
 * null otherwise. Built here, at the HTTP edge, from the paging the application read.
 */
public final class PageLinks {
    private final Page<?> page;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private PageLinks(Page<?> page) {
        this.page = page;
    }

    public static PageLinks of(Page<?> page) {
        return new PageLinks(page);
    }

    /** Adds {@code name=value} after limit and offset; a null value is left out. */
    public PageLinks with(String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
        return this;
    }

    public String next() {
        return page.hasMore() ? link(page.paging().nextOffset()) : null;
    }

    public String previous() {
        Paging paging = page.paging();
        return paging.hasPrevious() ? link(paging.previousOffset()) : null;
    }

    private String link(int offset) {
        StringBuilder link = new StringBuilder("?limit=")
                .append(page.paging().limit())
                .append("&offset=")
                .append(offset);
        parameters.forEach((name, value) ->
                link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return link.toString();
    }
}
