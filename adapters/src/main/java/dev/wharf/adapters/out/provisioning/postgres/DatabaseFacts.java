package dev.wharf.adapters.out.provisioning.postgres;

import dev.wharf.domain.warehouse.DatabaseName;
import dev.wharf.domain.warehouse.WarehouseTag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** What the server says of a database: its owner and the tag it carries (null without one). */
record DatabaseFacts(String owner, String tag) {
    static Optional<DatabaseFacts> read(Connection c, DatabaseName database) throws SQLException {
        try (PreparedStatement find = c.prepareStatement("SELECT pg_get_userbyid(datdba),"
                + " shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            find.setString(1, database.value());
            try (ResultSet rows = find.executeQuery()) {
                return rows.next()
                        ? Optional.of(new DatabaseFacts(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Whether the database was made for the warehouse tagged {@code tag} whose login is {@code role}: it carries the
     * tag, or it carries none yet and belongs to that login (the engine stopped between creating it and tagging it;
     * the login, tagged in the transaction that created it, was already checked). Warehouse logins cannot create
     * databases, so no one else made a database they own.
     */
    boolean madeFor(WarehouseTag tag, String role) {
        return tag.value().equals(this.tag) || (this.tag == null && owner.equals(role));
    }
}
