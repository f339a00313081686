package dev.wharf.application.paging;

import java.util.List;

/** One page of results, the paging it was read with, and whether more follow. */
public record Page<T>(List<T> results, Paging paging, boolean hasMore) {
    public Page {
        results = List.copyOf(results);
    }
}
