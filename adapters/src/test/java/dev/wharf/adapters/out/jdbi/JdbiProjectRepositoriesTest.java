package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.admin.ProjectRepositoriesContract;
import org.junit.jupiter.api.Nested;

/** The organization, project, user and API key repository contract on H2 and on PostgreSQL. */
class JdbiProjectRepositoriesTest {
    @Nested
    class OnH2 extends ProjectRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends ProjectRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
