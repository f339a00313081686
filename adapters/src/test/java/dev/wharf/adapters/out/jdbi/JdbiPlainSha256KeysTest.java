package dev.wharf.adapters.out.jdbi;

import dev.wharf.application.port.out.PersistenceFixture;
import dev.wharf.application.port.out.auth.PlainSha256KeysContract;
import org.junit.jupiter.api.Nested;

/** API keys stored by their plain SHA-256 before V9, rewritten on first use: on H2 and on PostgreSQL. */
class JdbiPlainSha256KeysTest {
    @Nested
    class OnH2 extends PlainSha256KeysContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.h2();
        }
    }

    @Nested
    class OnPostgres extends PlainSha256KeysContract {
        @Override
        protected PersistenceFixture createFixture() {
            return JdbiFixture.postgres();
        }
    }
}
