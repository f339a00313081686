package dev.wharf.application.port.in.warehouse;

/**
 * Rotates the root password of a ready warehouse: a new strong password, in force on the engine before it is
 * returned, returned once and never stored. Concurrent resets of one warehouse are serialized.
 */
public interface ResetWarehousePasswordUseCase {
    PasswordReset reset(WarehouseQuery command);
}
