package dev.wharf.adapters.in.rest.warehouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wharf.adapters.in.rest.Timestamps;
import dev.wharf.application.port.in.warehouse.WarehouseStatusView;
import dev.wharf.application.port.out.warehouse.WarehouseConnection;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;

/**
 * {@code GET warehouse_status}: the reference's five fields (timestamps explicitly null when unset), plus the database
 * name, when the password was last set, the organization's id (as PostHog's {@code org_id}), the chosen schema (as
 * PostHog's {@code schema_name}, null when none) and, only when ready, how to connect. Never a password.
 */
public record WarehouseStatusResponse(
        @JsonProperty("team_name") String teamName,
        @JsonProperty("state") String state,
        @JsonProperty("status_message") String statusMessage,
        @JsonProperty("ready_at") String readyAt,
        @JsonProperty("failed_at") String failedAt,
        @JsonProperty("database_name") String databaseName,
        @JsonProperty("password_last_set_at") String passwordLastSetAt,
        @JsonProperty("org_id") String orgId,
        @JsonProperty("schema_name") String schemaName,

        @JsonProperty("connection") @JsonInclude(JsonInclude.Include.NON_NULL)
        Connection connection) {

    /** Where to connect; the password is the one reset-password returned. */
    public record Connection(
            @JsonProperty("host") String host,
            @JsonProperty("port") int port,
            @JsonProperty("database") String database,
            @JsonProperty("username") String username,
            @JsonProperty("jdbc_url") String jdbcUrl,
            @JsonProperty("sslmode") String sslMode) {
        static Connection of(WarehouseConnection c) {
            return new Connection(c.host(), c.port(), c.database(), c.username(), c.jdbcUrl(), c.sslMode());
        }
    }

    static WarehouseStatusResponse of(WarehouseStatusView view) {
        Warehouse w = view.warehouse();
        return new WarehouseStatusResponse(
                w.projectId().toString(),
                w.state().wireName(),
                view.statusMessage(),
                Timestamps.format(w.readyAt()),
                Timestamps.format(w.failedAt()),
                w.databaseName().value(),
                view.passwordLastSetAt().map(Timestamps::format).orElse(null),
                view.organizationId().value().toString(),
                w.schema().map(SchemaName::value).orElse(null),
                view.connection().map(Connection::of).orElse(null));
    }
}
