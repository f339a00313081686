package dev.wharf.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jdbi3.InstrumentedSqlLogger;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class StatementNamesTest {
    @Test
    void aPlainStatementIsTimedUnderTheNameItDefinesAndAnUnnamedOneAsRawSql() {
        MetricRegistry metrics = new MetricRegistry();
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:statement_names");
        jdbi.setSqlLogger(new InstrumentedSqlLogger(metrics, new StatementNames()));
        String name = WharfJdbi.statementName(StatementNamesTest.class, "select");

        jdbi.useHandle(h -> h.createQuery("SELECT 1")
                .define(WharfJdbi.STATEMENT_NAME, name)
                .mapTo(Integer.class)
                .one());
        jdbi.useHandle(h -> h.createQuery("SELECT 2").mapTo(Integer.class).one());

        assertThat(name).isEqualTo("dev.wharf.bootstrap.wiring.StatementNamesTest.select");
        assertThat(metrics.getTimers()).containsOnlyKeys(name, "sql.raw");
        assertThat(metrics.timer(name).getCount()).isEqualTo(1);
    }
}
