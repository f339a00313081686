package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.out.warehouse.WarehouseConnection;
import dev.wharf.domain.project.OrganizationId;
import dev.wharf.domain.warehouse.Warehouse;
import java.time.Instant;
import java.util.Optional;

/**
 * A project's warehouse as its status endpoint shows it, with its project's organization: the connection only when
 * ready, never a password; and, when
 * a password reset did not finish (its process died after the engine may have taken the new password), since when.
 */
public record WarehouseStatusView(
        Warehouse warehouse,
        OrganizationId organizationId,
        Optional<Instant> passwordLastSetAt,
        Optional<WarehouseConnection> connection,
        Optional<Instant> unfinishedResetSince) {
    public static final String UNFINISHED_RESET = "A password reset did not finish: the root password may have changed"
            + " without anyone being shown the new one. Reset the password to get one that works.";

    /** The warehouse's own status message, followed by the word on an unfinished reset when there is one. */
    public String statusMessage() {
        String own = warehouse.statusMessage();
        if (unfinishedResetSince.isEmpty()) {
            return own;
        }
        return own == null || own.isBlank() ? UNFINISHED_RESET : own + ". " + UNFINISHED_RESET;
    }
}
