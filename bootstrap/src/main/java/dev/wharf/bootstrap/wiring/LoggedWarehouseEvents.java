package dev.wharf.bootstrap.wiring;

import dev.wharf.application.port.out.warehouse.WarehouseEvents;
import dev.wharf.domain.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A warehouse that became failed is one line in Wharf's log, with the reason its status message gives. */
final class LoggedWarehouseEvents implements WarehouseEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedWarehouseEvents.class);

    @Override
    public void failed(Warehouse warehouse) {
        LOG.warn(
                "Warehouse {} of project {} is now failed: {}",
                warehouse.databaseName(),
                warehouse.projectId(),
                warehouse.statusMessage());
    }
}
