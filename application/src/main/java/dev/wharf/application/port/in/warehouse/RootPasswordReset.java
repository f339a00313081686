package dev.wharf.application.port.in.warehouse;

/** A warehouse's root password, rotated: the new one is handed out once and never kept. */
public interface RootPasswordReset {
    /**
     * Rotates the root password of a ready warehouse: a new strong password, in force on the engine before it is
     * returned, returned once and never stored. Concurrent resets of one warehouse are serialized. Limited per project
     * and audited, like provision and deprovision.
     */
    PasswordReset reset(ManageWarehouseCommand command);
}
