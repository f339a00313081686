package dev.wharf.domain.job;

import dev.wharf.domain.project.ProjectId;
import java.time.Instant;
import java.util.UUID;

/** Test fixture: running jobs started at a fixed time. */
final class Jobs {
    static final ProjectId PROJECT = ProjectId.of(42);
    static final SourceId SOURCE = new SourceId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

    private Jobs() {}

    static Job runningImport() {
        return Job.startImport(JobId.random(), PROJECT, SOURCE, "public.orders", true, "run-1", START, START);
    }

    static Job runningModel() {
        return Job.startModel(JobId.random(), PROJECT, "daily_revenue", "run-2", START, START);
    }

    static Instant seconds(long n) {
        return START.plusSeconds(n);
    }
}
