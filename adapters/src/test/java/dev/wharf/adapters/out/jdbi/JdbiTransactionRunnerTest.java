package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.transaction.TransactionRunnerContract;
import org.junit.jupiter.api.Nested;

/** The rollback tests: repositories inside one transaction share it, on H2 and on PostgreSQL. */
class JdbiTransactionRunnerTest {
    @Nested
    class OnH2 extends TransactionRunnerContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends TransactionRunnerContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
