package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.activity.JobActivityQueriesContract;
import org.junit.jupiter.api.Nested;

/** The job activity queries' contract on H2 and on PostgreSQL. */
class JdbiJobActivityQueriesTest {
    @Nested
    class OnH2 extends JobActivityQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends JobActivityQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
