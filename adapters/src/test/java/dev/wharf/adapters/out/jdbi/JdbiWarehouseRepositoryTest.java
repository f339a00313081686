package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.warehouse.WarehouseRepositoryContract;
import org.junit.jupiter.api.Nested;

/** The warehouse repository contract on H2 and on PostgreSQL. */
class JdbiWarehouseRepositoryTest {
    @Nested
    class OnH2 extends WarehouseRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends WarehouseRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
