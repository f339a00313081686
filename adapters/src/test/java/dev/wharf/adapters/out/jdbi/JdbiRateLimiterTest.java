package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.ratelimit.RateLimiterContract;
import org.junit.jupiter.api.Nested;

/** The rate limiter's contract on H2 and on PostgreSQL, where two instances (two Jdbi objects) share one limit. */
class JdbiRateLimiterTest {
    @Nested
    class OnH2 extends RateLimiterContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends RateLimiterContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
