package dev.wharf.adapters.out.provisioning.postgres.embedded;

import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseEngineContract;
import dev.wharf.domain.warehouse.DatabaseName;

/** The engine contract against the PostgreSQL engine on Wharf's embedded server, as dev mode runs it. */
class EmbeddedEngineContractTest extends WarehouseEngineContract {
    private final EmbeddedWarehouses warehouses = EmbeddedWarehouses.shared();

    @Override
    protected WarehouseEngine engine() {
        return warehouses.engine();
    }

    @Override
    protected boolean canLogIn(DatabaseName database, String user, String password) {
        return warehouses.canLogIn(database, user, password);
    }
}
