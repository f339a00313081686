package dev.wharf.application.port.out;

/** How a user reaches a ready warehouse. Never carries a password. */
public record WarehouseConnection(String host, int port, String database, String username, String jdbcUrl) {}
