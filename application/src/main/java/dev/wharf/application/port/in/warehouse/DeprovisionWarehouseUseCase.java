package dev.wharf.application.port.in.warehouse;

/** Asks for a warehouse to be removed: recorded as deleting, then deprovisioned in the background. */
public interface DeprovisionWarehouseUseCase {
    void deprovision(WarehouseQuery command);
}
