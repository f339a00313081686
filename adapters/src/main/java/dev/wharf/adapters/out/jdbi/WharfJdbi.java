package dev.wharf.adapters.out.jdbi;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The Jdbi set-up every repository relies on. Instants are written and read as {@code TIMESTAMP WITH TIME ZONE} at
 * UTC through {@link OffsetDateTime}, which H2 and PostgreSQL both convert exactly, instead of through {@code
 * java.sql.Timestamp}, which goes through the JVM's default time zone.
 */
public final class WharfJdbi {
    /**
     * The attribute a plain (non-SqlObject) statement is named by, for the per-statement timers of the metrics: set it
     * with {@code define(STATEMENT_NAME, name)}, where a SqlObject call is named by its interface and method.
     */
    public static final String STATEMENT_NAME = "wharf_statement_name";

    private WharfJdbi() {}

    /** The name of a plain statement of {@code owner}, in the form SqlObject calls are named: class, then method. */
    public static String statementName(Class<?> owner, String method) {
        return owner.getName() + "." + method;
    }

    public static Jdbi create(DataSource dataSource) {
        return configure(Jdbi.create(dataSource));
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerArgument(new UuidArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
        return jdbi;
    }

    /** A null UUID is bound as {@code OTHER}, not {@code VARCHAR}, which PostgreSQL refuses for a uuid column. */
    private static final class UuidArgumentFactory extends AbstractArgumentFactory<UUID> {
        UuidArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(UUID value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value);
        }
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
        }
    }
}
