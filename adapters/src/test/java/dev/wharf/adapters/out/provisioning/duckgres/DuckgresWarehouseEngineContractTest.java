package dev.wharf.adapters.out.provisioning.duckgres;

import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseEngineContract;
import dev.wharf.domain.warehouse.DatabaseName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The engine contract for duckgres, against {@link FakeDuckgres}: an in-process server that refuses what duckgres
 * refuses, with duckgres' state machine advancing one step on each status call, and logins checked against the root
 * user's hash it keeps. Users connect to {@code ducklake}, as PostHog presents every duckgres warehouse.
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
        return duckgres.login(database.value(), user, password);
    }

    @Override
    protected String expectedDatabase(DatabaseName name) {
        return DuckgresEngineSettings.DEFAULT_DATABASE;
    }
}
