package dev.wharf.application.port.in.warehouse;

/** Where a project's warehouse stands. */
public interface GetWarehouseStatusUseCase {
    WarehouseStatusView status(WarehouseQuery query);
}
