package dev.wharf.adapters.out.jdbi.warehouse;

import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Instantiated by Jdbi, so public; used by this package's DAO and repository. */
public final class WarehouseRowMapper implements RowMapper<Warehouse> {
    @Override
    public Warehouse map(ResultSet rs, StatementContext ctx) throws SQLException {
        ColumnMapper<Instant> instant = ctx.findColumnMapperFor(Instant.class).orElseThrow();
        return new Warehouse(
                ProjectId.of(rs.getLong("project_id")),
                new DatabaseName(rs.getString("database_name")),
                SchemaName.optional(rs.getString("schema_name")).orElse(null),
                WarehouseState.fromWireName(rs.getString("state")),
                rs.getString("status_message"),
                instant.map(rs, "created_at", ctx),
                instant.map(rs, "updated_at", ctx),
                instant.map(rs, "provisioning_started_at", ctx),
                instant.map(rs, "ready_at", ctx),
                instant.map(rs, "failed_at", ctx));
    }
}
