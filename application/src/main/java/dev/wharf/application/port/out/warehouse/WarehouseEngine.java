package dev.wharf.application.port.out.warehouse;

import dev.wharf.domain.credential.LoginName;
import dev.wharf.domain.credential.Password;
import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.SchemaName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.time.Duration;
import java.util.Optional;

/**
 * A real database engine that holds warehouses (PostgreSQL, embedded or the operator's, and duckgres). Wharf owns the warehouse state;
 * the engine only does the work. Every operation is idempotent, so a worker that dies half-way and runs it again
 * finishes it without an error and without leftovers.
 *
 * <p>An engine that cannot be reached throws {@link dev.wharf.domain.shared.BackendUnavailableException} (reason
 * UNREACHABLE, TIMEOUT, or CREDENTIALS_REFUSED when it refuses Wharf's own credentials) and has changed nothing it would not change again on a retry.
 */
public interface WarehouseEngine {
    /** The engine's name in configuration and health checks: postgres, duckgres. */
    String name();

    /** The login a warehouse of this name gets on this engine. */
    LoginName loginFor(DatabaseName database);

    /**
     * Creates the database and its login, or carries on creating them. The login has no password anyone knows until
     * {@link #setPassword}: the first one comes from a reset once the warehouse is ready. Engines that can label what
     * they create mark it with {@code tag}, and never adopt a database or login of that name that does not carry it:
     * the provision then fails with a message saying so.
     */
    default EngineProgress provision(DatabaseName database, WarehouseTag tag) {
        return provision(database, tag, Optional.empty());
    }

    /**
     * As {@link #provision(DatabaseName, WarehouseTag)}, with the schema the project chose: on the PostgreSQL engines
     * the login owns a schema of that name and has it as its {@code search_path}; duckgres is asked for it.
     */
    EngineProgress provision(DatabaseName database, WarehouseTag tag, Optional<SchemaName> schema);

    /**
     * Puts a new password in force for the warehouse's login before returning, and returns it: the old password is
     * refused from then on, and the engine ends sessions opened with it where it can. Engines that can set a given
     * password put {@code proposed} in force; an engine that only generates its own (stock duckgres) returns that one.
     * Either way the caller hands it out once and keeps nothing. {@code tag} names the warehouse, for engines that
     * know it by more than its database name.
     */
    Password setPassword(DatabaseName database, WarehouseTag tag, Password proposed);

    /** The most {@link #setPassword} can take under this engine's own timeouts: a password reset's lease outlasts it. */
    Duration longestPasswordCall();

    /**
     * Removes the database, its login and its files, or carries on removing them. Objects of that name marked for
     * another warehouse are left alone (and the deprovision is done): they are not this warehouse's to remove.
     */
    EngineProgress deprovision(DatabaseName database, WarehouseTag tag);

    /**
     * What is wrong with a warehouse that Wharf holds ready, if anything: its database or login is gone, or is no
     * longer this warehouse's. Asked of every ready warehouse at each start and then from time to time (see {@code
     * WarehouseCheckService}), so that no warehouse is shown ready whose database does not exist. Throws {@link
     * dev.wharf.domain.shared.BackendUnavailableException} when the engine cannot say.
     */
    Optional<String> problemWith(DatabaseName database, WarehouseTag tag);

    /** Where a user connects to the warehouse; never a password. */
    WarehouseConnection connection(DatabaseName database, WarehouseTag tag);

    /**
     * Whether the engine itself holds {@code database} for some warehouse, for engines whose database names are
     * global beyond Wharf (duckgres: one name registry across all its orgs, whoever made them). Empty for engines
     * whose names are Wharf's alone, where Wharf's own records are the whole answer. Throws {@link
     * dev.wharf.domain.shared.BackendUnavailableException} when the engine cannot say: never a guess.
     */
    default Optional<Boolean> isNameTaken(DatabaseName database) {
        return Optional.empty();
    }

    /**
     * Checks that the engine answers, for health checks; throws {@link
     * dev.wharf.domain.shared.BackendUnavailableException} when it does not. Engines without anything to reach keep
     * the default.
     */
    default void ping() {}
}
