package dev.wharf.adapters.out.jdbi.warehouse;

import dev.wharf.domain.warehouse.Warehouse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(WarehouseRowMapper.class)
interface WarehouseDao {
    String COLUMNS = """
            project_id, database_name, schema_name, state, status_message, created_at, updated_at,
            provisioning_started_at, ready_at, failed_at""";

    @SqlQuery("SELECT " + COLUMNS + " FROM warehouse WHERE project_id = :projectId")
    Optional<Warehouse> find(@Bind("projectId") long projectId);

    @SqlQuery("SELECT " + COLUMNS + " FROM warehouse WHERE project_id = :projectId FOR UPDATE")
    Optional<Warehouse> findForUpdate(@Bind("projectId") long projectId);

    @SqlUpdate("""
            INSERT INTO warehouse (project_id, organization_id, database_name, live_database_name, schema_name,
                live_schema_name, state, status_message, created_at, updated_at, provisioning_started_at, ready_at,
                failed_at)
            VALUES (:projectId, (SELECT p.organization_id FROM project p WHERE p.id = :projectId), :databaseName,
                :liveDatabaseName, :schemaName, CASE WHEN :holdsNames THEN :schemaName ELSE NULL END, :state, :statusMessage, :createdAt, :updatedAt,
                :provisioningStartedAt, :readyAt, :failedAt)""")
    void insert(
            @Bind("projectId") long projectId,
            @Bind("databaseName") String databaseName,
            @Bind("liveDatabaseName") String liveDatabaseName,
            @Bind("schemaName") String schemaName,
            @Bind("holdsNames") boolean holdsNames,
            @Bind("state") String state,
            @Bind("statusMessage") String statusMessage,
            @Bind("createdAt") Instant createdAt,
            @Bind("updatedAt") Instant updatedAt,
            @Bind("provisioningStartedAt") Instant provisioningStartedAt,
            @Bind("readyAt") Instant readyAt,
            @Bind("failedAt") Instant failedAt);

    @SqlUpdate("""
            UPDATE warehouse SET live_database_name = :liveDatabaseName,
                live_schema_name = CASE WHEN :holdsNames THEN schema_name ELSE NULL END, state = :state,
                status_message = :statusMessage, updated_at = :updatedAt,
                provisioning_started_at = :provisioningStartedAt, ready_at = :readyAt, failed_at = :failedAt,
                attempts = CASE WHEN :expectedState = :state THEN attempts ELSE 0 END,
                next_attempt_at = CASE WHEN :expectedState = :state THEN next_attempt_at ELSE NULL END
            WHERE project_id = :projectId AND state = :expectedState""")
    int update(
            @Bind("projectId") long projectId,
            @Bind("expectedState") String expectedState,
            @Bind("liveDatabaseName") String liveDatabaseName,
            @Bind("holdsNames") boolean holdsNames,
            @Bind("state") String state,
            @Bind("statusMessage") String statusMessage,
            @Bind("updatedAt") Instant updatedAt,
            @Bind("provisioningStartedAt") Instant provisioningStartedAt,
            @Bind("readyAt") Instant readyAt,
            @Bind("failedAt") Instant failedAt);

    @SqlUpdate("DELETE FROM warehouse WHERE project_id = :projectId")
    void delete(@Bind("projectId") long projectId);

    @SqlQuery("SELECT COUNT(*) FROM warehouse WHERE live_database_name = :name")
    int countHolding(@Bind("name") String name);

    @SqlQuery("""
            SELECT COUNT(*) FROM warehouse WHERE live_schema_name = :schema AND project_id <> :except
                AND organization_id = (SELECT p.organization_id FROM project p WHERE p.id = :except)""")
    int countHoldingSchema(@Bind("schema") String schema, @Bind("except") long exceptProject);

    @SqlQuery("SELECT " + COLUMNS + " FROM warehouse WHERE state IN (<states>) ORDER BY updated_at, project_id"
            + " LIMIT :limit")
    List<Warehouse> findInStates(@BindList("states") List<String> states, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM warehouse WHERE state = :state AND project_id > :after ORDER BY project_id"
            + " LIMIT :limit")
    List<Warehouse> findInStateAfter(@Bind("state") String state, @Bind("after") long after, @Bind("limit") int limit);
}
