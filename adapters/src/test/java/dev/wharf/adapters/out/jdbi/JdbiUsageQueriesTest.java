package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.UsageQueriesContract;
import org.junit.jupiter.api.Nested;

/** The usage queries' contract on H2 and on PostgreSQL. */
class JdbiUsageQueriesTest {
    @Nested
    class OnH2 extends UsageQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends UsageQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
