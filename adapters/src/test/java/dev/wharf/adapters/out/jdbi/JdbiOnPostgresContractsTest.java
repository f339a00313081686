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
 * Every persistence contract on the JDBI stores, over a fresh, migrated schema on the tests' PostgreSQL server per
 * test: the same tests the in-memory fakes pass ({@code InMemoryContractsTest}). The usage queries' contract runs in
 * {@link JdbiUsageQueriesTest}, with the JDBI store's own usage tests; two workers racing for one claim, in {@link
 * JdbiProvisioningQueueTest}.
 */
class JdbiOnPostgresContractsTest {
    /** Repositories inside one transaction share it: the rollback tests. */
    @Nested
    class Transactions extends TransactionRunnerContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class Warehouses extends WarehouseRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class Credentials extends CredentialRepositoryContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class ResetLeases extends PasswordResetLeasesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    /** Organizations, projects, users and API keys. */
    @Nested
    class Projects extends ProjectRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class ProjectsOfMember extends ProjectsOfMemberContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    /** API keys stored by their plain SHA-256 before V9, rewritten on first use. */
    @Nested
    class PlainSha256Keys extends PlainSha256KeysContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    /** Sources and jobs. */
    @Nested
    class Jobs extends JobRepositoriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class JobActivity extends JobActivityQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class Metrics extends MetricsQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class Webhooks extends WebhookStoreContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class Freshness extends SourceFreshnessContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    /** Two instances (two Jdbi objects) over one database share one limit. */
    @Nested
    class RateLimits extends RateLimiterContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }

    @Nested
    class ProvisioningQueue extends ProvisioningQueueContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
