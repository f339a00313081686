package dev.wharf.application.fake;

import dev.wharf.application.fake.InMemoryStore.RateLimitWindowKey;
import dev.wharf.application.port.out.ratelimit.RateLimiter;
import dev.wharf.domain.project.ProjectId;
import java.time.Instant;

/**
 * {@link RateLimiter} over an {@link InMemoryStore}: the store's lock makes each take atomic, and two limiters over
 * one store share its counters, as two instances share one database.
 */
public final class InMemoryRateLimiter implements RateLimiter {
    private final InMemoryStore store;

    public InMemoryRateLimiter(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Count take(ProjectId project, Instant windowStart, int limit) {
        RateLimitWindowKey key = new RateLimitWindowKey(project, windowStart);
        return store.write(t -> {
            if (!t.rateLimitWindows.containsKey(key)) {
                t.rateLimitWindows
                        .keySet()
                        .removeIf(old -> old.projectId().equals(project)
                                && old.windowStart().isBefore(windowStart));
            }
            int used = t.rateLimitWindows.getOrDefault(key, 0);
            if (used >= limit) {
                return new Count(false, used);
            }
            t.rateLimitWindows.put(key, used + 1);
            return new Count(true, used + 1);
        });
    }

    /** How many counter rows the store keeps for {@code project}: old windows are forgotten. */
    public int windows(ProjectId project) {
        return store.read(t -> (int) t.rateLimitWindows.keySet().stream()
                .filter(k -> k.projectId().equals(project))
                .count());
    }
}
