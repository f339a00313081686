package dev.wharf.application.port.in.warehouse;

/**
 * Asks for a new warehouse: recorded as pending, then provisioned in the background. Returns no password; the first
 * one comes from a reset once the warehouse is ready.
 */
public interface ProvisionWarehouseUseCase {
    void provision(ProvisionWarehouseCommand command);
}
