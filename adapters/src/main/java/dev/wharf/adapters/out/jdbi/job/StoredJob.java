package dev.wharf.adapters.out.jdbi.job;

import dev.wharf.domain.job.Job;
import java.time.Instant;

/** A job as stored: with the bounds of the period its rows are accounted in, both null when it has none. */
record StoredJob(Job job, Instant periodStart, Instant periodEnd) {
    boolean isAccounted() {
        return periodStart != null;
    }
}
