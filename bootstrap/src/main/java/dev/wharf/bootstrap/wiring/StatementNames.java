package dev.wharf.bootstrap.wiring;

import com.codahale.metrics.jdbi3.strategies.SmartNameStrategy;
import com.codahale.metrics.jdbi3.strategies.StatementNameStrategy;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Names the timer of each statement in the metrics: a plain statement by the name it defines ({@link
 * WharfJdbi#STATEMENT_NAME}), anything else as Dropwizard names it (a SqlObject call by its interface and method),
 * so the hot reads that are plain statements are not all timed together as {@code sql.raw}.
 */
public final class StatementNames implements StatementNameStrategy {
    private final StatementNameStrategy otherwise = new SmartNameStrategy();

    @Override
    public String getStatementName(StatementContext context) {
        return context.getAttribute(WharfJdbi.STATEMENT_NAME) instanceof String name
                ? name
                : otherwise.getStatementName(context);
    }
}
