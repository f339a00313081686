package dev.wharf.adapters.out.jdbi.warehouse;

import dev.wharf.adapters.out.jdbi.Constraints;
import dev.wharf.adapters.out.jdbi.WharfJdbi;
import dev.wharf.application.port.out.warehouse.WarehouseRepository;
import dev.wharf.application.port.out.warehouse.WarehouseRepository.WarehouseWithPassword;
import dev.wharf.domain.project.ProjectId;
import dev.wharf.domain.shared.ConflictException;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.Warehouse;
import dev.wharf.domain.warehouse.WarehouseState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link WarehouseRepository} on Jdbi; the unique indexes on {@code live_database_name} and on {@code (organization_id,
 * live_schema_name)} guard the names.
 */
public final class JdbiWarehouseRepository implements WarehouseRepository {
    public static final String NAME_TAKEN = "database name is already taken";
    private static final String LIVE_NAME_INDEX = "warehouse_live_database_name_idx";
    private static final String LIVE_SCHEMA_INDEX = "warehouse_live_schema_name_idx";

    /** The warehouse's columns, its login's last password change and its reset lease, by primary key all three. */
    private static final String FIND_WITH_PASSWORD = "SELECT " + WarehouseDao.COLUMNS + ", (SELECT"
            + " c.password_last_set_at FROM warehouse_credential c WHERE c.project_id = warehouse.project_id)"
            + " AS password_last_set_at, (SELECT l.expires_at FROM password_reset_lease l"
            + " WHERE l.project_id = warehouse.project_id) AS reset_lease_expires_at"
            + " FROM warehouse WHERE project_id = :projectId";

    private static final String FIND_WITH_PASSWORD_NAME =
            WharfJdbi.statementName(JdbiWarehouseRepository.class, "findWithPasswordLastSet");
    private static final WarehouseRowMapper MAPPER = new WarehouseRowMapper();

    private final Jdbi jdbi;
    private final WarehouseDao dao;

    public JdbiWarehouseRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(WarehouseDao.class);
    }

    @Override
    public Optional<Warehouse> findByProject(ProjectId projectId) {
        return dao.find(projectId.value());
    }

    /**
     * Every status request reads it: one plain query, which costs a fraction of a SqlObject call (Jdbi builds a
     * SqlObject call's configuration anew each time).
     */
    @Override
    public Optional<WarehouseWithPassword> findWithPasswordLastSet(ProjectId projectId) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_WITH_PASSWORD)
                .define(WharfJdbi.STATEMENT_NAME, FIND_WITH_PASSWORD_NAME)
                .bind("projectId", projectId.value())
                .map((rs, ctx) -> {
                    ColumnMapper<Instant> instant =
                            ctx.findColumnMapperFor(Instant.class).orElseThrow();
                    return new WarehouseWithPassword(
                            MAPPER.map(rs, ctx),
                            Optional.ofNullable(instant.map(rs, "password_last_set_at", ctx)),
                            Optional.ofNullable(instant.map(rs, "reset_lease_expires_at", ctx)));
                })
                .findOne());
    }

    @Override
    public Optional<Warehouse> findByProjectForUpdate(ProjectId projectId) {
        return dao.findForUpdate(projectId.value());
    }

    @Override
    public void insert(Warehouse w) {
        try {
            dao.insert(
                    w.projectId().value(),
                    w.databaseName().value(),
                    liveName(w),
                    w.schema().map(SchemaName::value).orElse(null),
                    w.state().holdsDatabaseName(),
                    w.state().wireName(),
                    w.statusMessage(),
                    w.createdAt(),
                    w.updatedAt(),
                    w.provisioningStartedAt(),
                    w.readyAt(),
                    w.failedAt());
        } catch (UnableToExecuteStatementException e) {
            throw conflictOr(e);
        }
    }

    @Override
    public boolean update(Warehouse w, WarehouseState expected) {
        try {
            return dao.update(
                            w.projectId().value(),
                            expected.wireName(),
                            liveName(w),
                            w.state().holdsDatabaseName(),
                            w.state().wireName(),
                            w.statusMessage(),
                            w.updatedAt(),
                            w.provisioningStartedAt(),
                            w.readyAt(),
                            w.failedAt())
                    == 1;
        } catch (UnableToExecuteStatementException e) {
            throw conflictOr(e);
        }
    }

    @Override
    public void deleteByProject(ProjectId projectId) {
        dao.delete(projectId.value());
    }

    @Override
    public boolean isDatabaseNameHeld(DatabaseName name) {
        return dao.countHolding(name.value()) > 0;
    }

    @Override
    public boolean isSchemaNameHeldByAnotherProject(SchemaName name, ProjectId project) {
        return dao.countHoldingSchema(name.value(), project.value()) > 0;
    }

    /** The conflict a unique index stands for, or {@code e} itself. */
    private static RuntimeException conflictOr(UnableToExecuteStatementException e) {
        if (Constraints.isUniqueViolationOf(e, LIVE_NAME_INDEX)) {
            return new ConflictException(NAME_TAKEN);
        }
        if (Constraints.isUniqueViolationOf(e, LIVE_SCHEMA_INDEX)) {
            return new ConflictException(SchemaName.TAKEN);
        }
        return e;
    }

    @Override
    public List<Warehouse> findInStates(Set<WarehouseState> states, int limit) {
        if (states.isEmpty() || limit <= 0) {
            return List.of();
        }
        return dao.findInStates(
                states.stream().map(WarehouseState::wireName).sorted().toList(), limit);
    }

    @Override
    public List<Warehouse> findInStateAfter(WarehouseState state, ProjectId after, int limit) {
        return limit <= 0
                ? List.of()
                : dao.findInStateAfter(state.wireName(), after == null ? 0 : after.value(), limit);
    }

    private static String liveName(Warehouse w) {
        return w.state().holdsDatabaseName() ? w.databaseName().value() : null;
    }
}
