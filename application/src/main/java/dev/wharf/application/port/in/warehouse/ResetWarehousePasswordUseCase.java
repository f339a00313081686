package dev.wharf.application.port.in.warehouse;

/**
 * Rotates the root password of a ready warehouse: a new strong password, in force on the engine before it is
 * returned, returned once and never stored. Concurrent resets of one warehouse are serialized. Limited per project
 * and audited, like provision and deprovision.
 */
public interface ResetWarehousePasswordUseCase {
    PasswordReset reset(ManageWarehouseCommand command);
}
