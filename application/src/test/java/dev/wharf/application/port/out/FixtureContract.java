package dev.wharf.application.port.out;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Opens a fresh {@link PersistenceFixture} before each test of a contract and closes it after. */
public abstract class FixtureContract {
    protected PersistenceFixture store;

    protected abstract PersistenceFixture createFixture();

    @BeforeEach
    void openStore() {
        store = createFixture();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
