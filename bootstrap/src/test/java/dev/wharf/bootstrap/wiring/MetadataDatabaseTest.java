package dev.wharf.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The metadata pool hands out the driver's own statements and result sets, not reflective proxies of them. */
class MetadataDatabaseTest {
    @Test
    void statementsAndResultSetsAreTheDriversOwn() throws Exception {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl("jdbc:h2:mem:facades;DB_CLOSE_DELAY=-1");
        factory.setUser("sa");
        ManagedDataSource plain = factory.build(new MetricRegistry(), "plain");
        ManagedDataSource tuned =
                MetadataDatabase.withoutStatementFacades(factory.build(new MetricRegistry(), "tuned"));
        try {
            assertThat(proxied(plain))
                    .as("tomcat-jdbc's default, which this test relies on")
                    .isTrue();
            assertThat(proxied(tuned)).isFalse();
        } finally {
            plain.stop();
            tuned.stop();
        }
    }

    private static boolean proxied(ManagedDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1");
                ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            return Proxy.isProxyClass(statement.getClass()) || Proxy.isProxyClass(rows.getClass());
        }
    }
}
