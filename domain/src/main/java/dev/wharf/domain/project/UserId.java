package dev.wharf.domain.project;

import dev.wharf.domain.shared.Require;
import java.util.UUID;

/** A person who acts on Wharf, through a personal API key. */
public record UserId(UUID value) {
    public UserId {
        Require.nonNull(value, "user id");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
