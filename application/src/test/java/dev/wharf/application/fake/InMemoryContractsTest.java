package dev.wharf.application.fake;

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
import dev.wharf.application.port.out.usage.UsageQueriesContract;
import dev.wharf.application.port.out.warehouse.CredentialRepositoryContract;
import dev.wharf.application.port.out.warehouse.PasswordResetLeasesContract;
import dev.wharf.application.port.out.warehouse.WarehouseEngine;
import dev.wharf.application.port.out.warehouse.WarehouseEngineContract;
import dev.wharf.application.port.out.warehouse.WarehouseRepositoryContract;
import dev.wharf.application.port.out.webhook.WebhookStoreContract;
import dev.wharf.domain.warehouse.DatabaseName;
import org.junit.jupiter.api.Nested;

/**
 * Every outbound-port contract on the in-memory fakes: the persistence contracts the JDBI stores pass too, the
 * provisioning queue's, and the engine contract the real engines pass.
 */
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
    class ProjectsOfMember extends ProjectsOfMemberContract {
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
    class Metrics extends MetricsQueriesContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Freshness extends SourceFreshnessContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    @Nested
    class Webhooks extends WebhookStoreContract {
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

    @Nested
    class ProvisioningQueue extends ProvisioningQueueContract {
        @Override
        protected PersistenceFixture createFixture() {
            return new InMemoryFixture();
        }
    }

    /** A login works when it is the warehouse's and the password is the one in force. */
    @Nested
    class Engine extends WarehouseEngineContract {
        private final InMemoryWarehouseEngine engine = new InMemoryWarehouseEngine();

        @Override
        protected WarehouseEngine engine() {
            return engine;
        }

        @Override
        protected boolean canLogIn(DatabaseName database, String user, String password) {
            return engine.loginFor(database).value().equals(user) && engine.accepts(database, password);
        }
    }
}
