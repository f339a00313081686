package dev.wharf.adapters.out.provisioning.postgres;

import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseEngineContract;
import dev.wharf.domain.warehouse.DatabaseName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The engine contract for the PostgreSQL engine, with real logins to the tests' server. */
class PostgresWarehouseEngineContractTest extends WarehouseEngineContract {
    private PostgresEngineFixture fixture;
    private WarehouseEngine engine;

    @BeforeEach
    void start() {
        fixture = new PostgresEngineFixture();
        engine = fixture.tracking();
        fixture.requirePasswordsChecked();
    }

    @AfterEach
    void cleanUp() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    protected WarehouseEngine engine() {
        return engine;
    }

    @Override
    protected boolean canLogIn(DatabaseName database, String user, String password) {
        return fixture.canLogIn(database, user, password);
    }
}
