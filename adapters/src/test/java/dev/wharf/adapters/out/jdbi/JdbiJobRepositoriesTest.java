package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.job.JobRepositoriesContract;
import org.junit.jupiter.api.Nested;

/** The source and job repository contract on H2 and on PostgreSQL. */
class JdbiJobRepositoriesTest {
    @Nested
    class OnH2 extends JobRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends JobRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
