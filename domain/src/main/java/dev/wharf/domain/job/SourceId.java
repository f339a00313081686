package dev.wharf.domain.job;

import dev.wharf.domain.shared.Require;
import java.util.UUID;

/** Identifies an external data source. */
public record SourceId(UUID value) {
    public SourceId {
        Require.nonNull(value, "source id");
    }

    public static SourceId random() {
        return new SourceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
