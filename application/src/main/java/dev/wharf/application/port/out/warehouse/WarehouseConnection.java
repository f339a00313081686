package dev.wharf.application.port.out.warehouse;

/**
 * How a user reaches a ready warehouse. Never carries a password. {@code sslMode} is the libpq {@code sslmode} the
 * server supports ({@code require} when it serves TLS to everyone, {@code prefer} when the engine cannot tell), and is
 * part of {@code jdbcUrl}.
 */
public record WarehouseConnection(
        String host, int port, String database, String username, String jdbcUrl, String sslMode) {}
