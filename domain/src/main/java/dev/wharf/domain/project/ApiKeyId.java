package dev.wharf.domain.project;

import dev.wharf.domain.shared.Require;
import java.util.UUID;

/** The public identifier of a personal API key: safe to log and audit, unlike the key itself. */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Require.nonNull(value, "api key id");
    }

    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
