package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.audit.AuditLogContract;
import org.junit.jupiter.api.Nested;

/** The audit log's contract on H2 and on PostgreSQL. */
class JdbiAuditLogTest {
    @Nested
    class OnH2 extends AuditLogContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends AuditLogContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
