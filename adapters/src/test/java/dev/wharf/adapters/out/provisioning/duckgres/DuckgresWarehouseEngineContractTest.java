package dev.wharf.adapters.out.provisioning.duckgres;

import dev.wharf.application.port.out.WarehouseEngine;
import dev.wharf.application.port.out.WarehouseEngineContract;
import dev.wharf.domain.warehouse.DatabaseName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The engine contract for duckgres, against {@link FakeDuckgres}: an in-process server with duckgres' state machine
 * that advances one step on each status call, and logins checked against the root user's hash it keeps.
 */
class DuckgresWarehouseEngineContractTest extends WarehouseEngineContract {
    private static final String SECRET = "contract-internal-secret";

    private FakeDuckgres duckgres;
    private DuckgresWarehouseEngine engine;

    @BeforeEach
    void start() {
        duckgres = new FakeDuckgres(SECRET, true);
        engine = new DuckgresWarehouseEngine(DuckgresEngineSettings.defaults(duckgres.baseUrl(), SECRET, "dw.test"));
    }

    @AfterEach
    void stop() {
        duckgres.close();
    }

    @Override
    protected WarehouseEngine engine() {
        return engine;
    }

    @Override
    protected boolean canLogIn(DatabaseName database, String user, String password) {
        return duckgres.login(engine.orgFor(database), user, password);
    }
}
