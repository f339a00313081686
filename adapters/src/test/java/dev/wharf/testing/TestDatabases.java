package dev.wharf.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh, isolated databases for tests. {@link #h2()} is always available; {@link #postgres()} needs a
 * PostgreSQL server, found once per JVM: {@code WHARF_TEST_POSTGRES_URL} (user and password in the URL query
 * or in {@code WHARF_TEST_POSTGRES_USER} / {@code WHARF_TEST_POSTGRES_PASSWORD}; the URL query wins), else
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}, else a Testcontainers {@code postgres:15}
 * container when Docker is available. Without a server the calling test fails when {@code CI=true} and is
 * aborted (skipped, with the reason) otherwise.
 */
public final class TestDatabases {
    private TestDatabases() {}

    /** A fresh in-memory H2 database in PostgreSQL mode; {@code close()} shuts it down. */
    public static TestDatabase h2() {
        return new H2TestDatabase("wharf_test_" + randomHex());
    }

    /** A fresh, empty schema on the JVM's PostgreSQL server; {@code close()} drops it with CASCADE. */
    public static TestDatabase postgres() {
        return PostgresTestDatabase.create(PostgresServer.resolved());
    }

    private static String randomHex() {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
