package dev.wharf.domain.job;

import dev.wharf.domain.shared.Require;
import java.util.UUID;

/** Identifies a job. */
public record JobId(UUID value) {
    public JobId {
        Require.nonNull(value, "job id");
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
