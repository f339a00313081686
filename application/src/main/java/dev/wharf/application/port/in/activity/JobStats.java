package dev.wharf.application.port.in.activity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project's job statistics over the last {@code days}: totals, per kind, and a breakdown keyed by hour start (ISO
 * with the project's offset, days = 1) or date ({@code YYYY-MM-DD}) in the project's time zone, newest first, every
 * bucket present.
 */
public record JobStats(
        int days, Instant cutoff, KindCounts imports, KindCounts models, Map<String, BucketCounts> breakdown) {
    public JobStats {
        breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
    }

    public long totalJobs() {
        return imports.total() + models.total();
    }

    public long successfulJobs() {
        return imports.successful() + models.successful();
    }

    public long failedJobs() {
        return imports.failed() + models.failed();
    }

    /** The counts of one kind of job. */
    public record KindCounts(long total, long running, long successful, long failed) {}

    /** The successful and failed jobs created in one bucket. */
    public record BucketCounts(long successful, long failed) {}
}
