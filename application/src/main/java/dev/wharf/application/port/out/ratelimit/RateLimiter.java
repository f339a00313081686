package dev.wharf.application.port.out.ratelimit;

import dev.wharf.domain.project.ProjectId;
import java.time.Instant;

/**
 * Counts a project's rate-limited calls in fixed windows, in storage that every Wharf instance behind one metadata
 * database shares: so the instances share each project's limit, rather than each granting it.
 */
public interface RateLimiter {
    /**
     * Takes one call from {@code project}'s budget for the window that starts at {@code windowStart}, if fewer than
     * {@code limit} (at least 1) were taken in that window. Atomic: of any number of concurrent calls, from any
     * number of instances, exactly as many are admitted as the window had left. A refused call takes nothing. Windows
     * of the project that started before {@code windowStart} may be forgotten. Commits on its own (joining the
     * caller's transaction, if any).
     */
    Count take(ProjectId project, Instant windowStart, int limit);

    /**
     * What a take found: whether the call was admitted, and how many calls of the window are taken counting it (never
     * more than the limit, unless the limit was lowered while the window was open).
     */
    record Count(boolean admitted, int used) {}
}
