package dev.wharf.adapters.out.provisioning.postgres;

import dev.wharf.domain.warehouse.DatabaseName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the server says of a database: its owner, the tag it carries (null without one), and whether it is invalid (a
 * {@code DROP DATABASE} that did not finish leaves {@code datconnlimit = -2}, PostgreSQL 15.4 and later).
 */
record DatabaseFacts(String owner, String tag, boolean invalid) {
    static Optional<DatabaseFacts> read(Connection c, DatabaseName database) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT pg_get_userbyid(datdba),"
                + " shobj_description(oid, 'pg_database'), datconnlimit = -2 FROM pg_database WHERE datname = ?")) {
            find.setString(1, database.value());
            try (ResultSet rows = find.executeQuery()) {
                return rows.next()
                        ? Optional.of(new DatabaseFacts(rows.getString(1), rows.getString(2), rows.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Whether the database was made for the warehouse whose login is {@code role} (a login the caller has checked
     * carries the warehouse's tag): it belongs to that login. The database's own comment is not asked: its owner, the
     * tenant, may change it, while a login can neither change its own comment nor create a database or give one away.
     */
    boolean madeFor(String role) {
        return owner.equals(role);
    }
}
