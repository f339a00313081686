package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.activity.JobActivityQueriesContract;
import dev.wharf.application.port.out.admin.ProjectRepositoriesContract;
import dev.wharf.application.port.out.admin.ProjectsOfMemberContract;
import dev.wharf.application.port.out.audit.AuditLogContract;
import dev.wharf.application.port.out.auth.PlainSha256KeysContract;
import dev.wharf.application.port.out.job.JobRepositoriesContract;
import dev.wharf.application.port.out.job.SourceFreshnessContract;
import dev.wharf.application.port.out.metrics.MetricsQueriesContract;
import dev.wharf.application.port.out.provisioning.ProvisioningQueueContract;
import dev.wharf.application.port.out.ratelimit.RateLimiterContract;
import dev.wharf.application.port.out.transaction.TransactionRunnerContract;
import dev.wharf.application.port.out.warehouse.CredentialRepositoryContract;
import dev.wharf.application.port.out.warehouse.PasswordResetLeasesContract;
import dev.wharf.application.port.out.warehouse.WarehouseRepositoryContract;
import dev.wharf.application.port.out.webhook.WebhookStoreContract;
import org.junit.jupiter.api.Nested;

/**
 * Every persistence contract on the JDBI stores, over a fresh, migrated in-memory H2 database per test: the same tests
 * the in-memory fakes pass ({@code InMemoryContractsTest}). The usage queries' contract runs in {@link
 * JdbiUsageQueriesTest}, with the JDBI store's own usage tests.
 */
class JdbiOnH2ContractsTest {
    /** Repositories inside one transaction share it: the rollback tests. */
    @Nested
    class Transactions extends TransactionRunnerContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class Warehouses extends WarehouseRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class Credentials extends CredentialRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class ResetLeases extends PasswordResetLeasesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    /** Organizations, projects, users and API keys. */
    @Nested
    class Projects extends ProjectRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class ProjectsOfMember extends ProjectsOfMemberContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    /** API keys stored by their plain SHA-256 before V9, rewritten on first use. */
    @Nested
    class PlainSha256Keys extends PlainSha256KeysContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    /** Sources and jobs. */
    @Nested
    class Jobs extends JobRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class JobActivity extends JobActivityQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class Metrics extends MetricsQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class Webhooks extends WebhookStoreContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class Freshness extends SourceFreshnessContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    /** Two instances (two Jdbi objects) over one database share one limit. */
    @Nested
    class RateLimits extends RateLimiterContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class ProvisioningQueue extends ProvisioningQueueContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }
}
