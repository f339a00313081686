package dev.wharf.adapters.out.provisioning.h2;

import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.application.port.out.WarehouseEngineContract;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.testing.PgWire;
import dev.wharf.testing.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The engine contract for the embedded H2 engine, with logins over its PostgreSQL-wire server. */
class H2WarehouseEngineContractTest extends WarehouseEngineContract {
    @TempDir
    Path dataDir;

    private H2WarehouseEngine engine;
    private int pgPort;

    @BeforeEach
    void start() {
        pgPort = Ports.free();
        engine = new H2WarehouseEngine(new H2EngineSettings(dataDir, "127.0.0.1", pgPort, Ports.free(), "127.0.0.1"));
        engine.start();
    }

    @AfterEach
    void stop() {
        engine.stop();
    }

    @Override
    protected WarehouseEngine engine() {
        return engine;
    }

    @Override
    protected boolean canLogIn(DatabaseName database, String user, String password) {
        try (PgWire wire = PgWire.connect(pgPort, user, database.value(), password)) {
            return wire.query("SELECT 1").equals(List.of("1"));
        } catch (IOException refused) {
            return false;
        }
    }
}
