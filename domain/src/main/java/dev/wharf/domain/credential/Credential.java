package dev.wharf.domain.credential;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.project.UserId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.shared.Require;
import dev.wharf.domain.warehouse.Warehouse;
import java.time.Instant;
import java.util.Optional;

/**
 * The root login of a project's warehouse: its name, and when and by whom its password was last set. The password
 * itself is never part of it: Wharf keeps no password, not even a hash, because the engine is the one that checks
 * it.
 */
public record Credential(ProjectId projectId, LoginName username, Instant passwordLastSetAt, UserId passwordLastSetBy) {

    public static final String RESET_NEEDS_READY = "warehouse must be in ready state to reset password";

    public Credential {
        Require.nonNull(projectId, "projectId");
        Require.nonNull(username, "username");
        if ((passwordLastSetAt == null) != (passwordLastSetBy == null)) {
            throw new IllegalArgumentException("passwordLastSetAt and passwordLastSetBy are set together");
        }
    }

    /** The login of a new warehouse, whose first password comes from a reset once it is ready. */
    public static Credential forNewWarehouse(ProjectId projectId, LoginName username) {
        return new Credential(projectId, username, null, null);
    }

    /** Refuses a password reset unless {@code warehouse} is ready. */
    public static void requireResettable(Warehouse warehouse) {
        if (!warehouse.isReady()) {
            throw new ConflictException(RESET_NEEDS_READY);
        }
    }

    /** This login after {@code actor} set a new password at {@code now}, on a warehouse that is ready. */
    public Credential passwordSet(Warehouse warehouse, UserId actor, Instant now) {
        requireResettable(warehouse);
        if (!warehouse.projectId().equals(projectId)) {
            throw new IllegalArgumentException("credential and warehouse belong to different projects");
        }
        return new Credential(projectId, username, Require.nonNull(now, "now"), Require.nonNull(actor, "actor"));
    }

    public Optional<Instant> lastSetAt() {
        return Optional.ofNullable(passwordLastSetAt);
    }
}
