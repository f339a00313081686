package dev.wharf.application.port.in.warehouse;

/**
 * Asks for a new warehouse: recorded as pending, then provisioned in the background. Returns no password; the first
 * one comes from a reset once the warehouse is ready. Limited per project and audited, like deprovision and
 * reset-password.
 */
public interface ProvisionWarehouseUseCase {
    void provision(ProvisionWarehouseCommand command);
}
