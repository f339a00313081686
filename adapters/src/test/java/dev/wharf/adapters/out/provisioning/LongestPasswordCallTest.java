package dev.wharf.adapters.out.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.adapters.out.provisioning.duckgres.DuckgresEngineSettings;
import dev.wharf.adapters.out.provisioning.duckgres.DuckgresWarehouseEngine;
import dev.wharf.adapters.out.provisioning.postgres.PostgresEngineSettings;
import dev.wharf.adapters.out.provisioning.postgres.PostgresWarehouseEngine;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The longest password call of each engine follows its own timeouts: a password reset's lease must outlast it. */
class LongestPasswordCallTest {
    @Test
    void postgresConnectsThenRunsFourStatementsEachWithinItsSocketTimeout() {
        assertThat(postgres(Duration.ofSeconds(5), Duration.ofSeconds(30)).longestPasswordCall())
                .isEqualTo(Duration.ofSeconds(5 + 4 * (30 + 5)));
        assertThat(postgres(Duration.ofSeconds(5), Duration.ofMinutes(2)).longestPasswordCall())
                .isEqualTo(Duration.ofSeconds(5 + 4 * (120 + 5)));
    }

    @Test
    void duckgresIsOneRequest() {
        assertThat(duckgres(Duration.ofSeconds(30)).longestPasswordCall()).isEqualTo(Duration.ofSeconds(5 + 30));
        assertThat(duckgres(Duration.ofSeconds(90)).longestPasswordCall()).isEqualTo(Duration.ofSeconds(5 + 90));
    }

    private static PostgresWarehouseEngine postgres(Duration connect, Duration statement) {
        return new PostgresWarehouseEngine(new PostgresEngineSettings(
                "jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres",
                "",
                "127.0.0.1",
                5432,
                connect,
                statement,
                PostgresEngineSettings.DEFAULT_ROLE_PREFIX,
                null,
                null,
                null));
    }

    private static DuckgresWarehouseEngine duckgres(Duration request) {
        return new DuckgresWarehouseEngine(new DuckgresEngineSettings(
                URI.create("http://127.0.0.1:8080"),
                null,
                "",
                Duration.ofSeconds(5),
                request,
                Duration.ofSeconds(10),
                null,
                5432,
                DuckgresEngineSettings.DEFAULT_DATABASE,
                null,
                null));
    }
}
