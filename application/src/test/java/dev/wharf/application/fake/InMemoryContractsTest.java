package dev.wharf.application.fake;

import dev.wharf.application.port.out.AuditLogContract;
import dev.wharf.application.port.out.CredentialRepositoryContract;
import dev.wharf.application.port.out.JobActivityQueriesContract;
import dev.wharf.application.port.out.JobRepositoriesContract;
import dev.wharf.application.port.out.PasswordResetLeasesContract;
import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.PlainSha256KeysContract;
import dev.wharf.application.port.out.ProjectRepositoriesContract;
import dev.wharf.application.port.out.RateLimiterContract;
import dev.wharf.application.port.out.TransactionRunnerContract;
import dev.wharf.application.port.out.UsageQueriesContract;
import dev.wharf.application.port.out.WarehouseRepositoryContract;
import org.junit.jupiter.api.Nested;

/** Every persistence contract on the in-memory fakes: the same tests the JDBI repositories pass. */
class InMemoryContractsTest {
    @Nested
    class Transactions extends TransactionRunnerContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Warehouses extends WarehouseRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Credentials extends CredentialRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class ResetLeases extends PasswordResetLeasesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Projects extends ProjectRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class PlainSha256Keys extends PlainSha256KeysContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Jobs extends JobRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class JobActivity extends JobActivityQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Usage extends UsageQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class RateLimits extends RateLimiterContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }
}
