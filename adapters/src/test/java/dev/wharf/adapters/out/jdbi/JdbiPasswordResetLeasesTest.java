package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.warehouse.PasswordResetLeasesContract;
import org.junit.jupiter.api.Nested;

/** The password-reset leases' contract on H2 and on PostgreSQL. */
class JdbiPasswordResetLeasesTest {
    @Nested
    class OnH2 extends PasswordResetLeasesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends PasswordResetLeasesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
