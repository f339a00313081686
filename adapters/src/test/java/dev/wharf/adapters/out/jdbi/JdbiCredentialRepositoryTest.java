package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.warehouse.CredentialRepositoryContract;
import org.junit.jupiter.api.Nested;

/** The credential repository contract on H2 and on PostgreSQL. */
class JdbiCredentialRepositoryTest {
    @Nested
    class OnH2 extends CredentialRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends CredentialRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
