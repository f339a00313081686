package dev.wharf.application.port.in.warehouse;

/** A project's managed warehouse: where it stands, provision and deprovision, and whether a name is free. */
public interface WarehouseLifecycle {
    /** Where a project's warehouse stands. */
    WarehouseStatusView status(WarehouseQuery query);

    /**
     * Asks for a new warehouse: recorded as pending, then provisioned in the background. Returns no password; the first
     * one comes from a reset once the warehouse is ready. Limited per project and audited, like deprovision and
     * reset-password.
     */
    void provision(ProvisionWarehouseCommand command);

    /**
     * Asks for a warehouse to be removed: recorded as deleting, then deprovisioned in the background. Limited per project
     * and audited, like provision and reset-password.
     */
    void deprovision(ManageWarehouseCommand command);

    /** Whether a database name could be provisioned now, and if not, why. */
    NameAvailability checkDatabaseName(CheckDatabaseNameQuery query);

    /**
     * Whether a schema name could be chosen for the project's warehouse now: valid, and held by no live warehouse of
     * another project of its organization. Organization admins only, as PostHog does.
     */
    NameAvailability checkSchemaName(CheckSchemaNameQuery query);
}
