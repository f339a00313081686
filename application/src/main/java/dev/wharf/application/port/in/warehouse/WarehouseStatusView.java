package dev.wharf.application.port.in.warehouse;

import dev.wharf.application.port.out.WarehouseConnection;
import dev.wharf.domain.warehouse.Warehouse;
import java.time.Instant;
import java.util.Optional;

/** A project's warehouse as its status endpoint shows it: the connection only when ready, never a password. */
public record WarehouseStatusView(
        Warehouse warehouse, Optional<Instant> passwordLastSetAt, Optional<WarehouseConnection> connection) {}
