package dev.wharf.application.port.in.warehouse;

/**
 * Asks for a warehouse to be removed: recorded as deleting, then deprovisioned in the background. Limited per project
 * and audited, like provision and reset-password.
 */
public interface DeprovisionWarehouseUseCase {
    void deprovision(ManageWarehouseCommand command);
}
