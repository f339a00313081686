package dev.wharf.application.port.in.job;

import java.util.List;

/** One page of results, the page that was asked for, and whether more follow. */
public record Page<T>(List<T> results, PageRequest request, boolean hasMore) {
    public Page {
        results = List.copyOf(results);
    }
}
