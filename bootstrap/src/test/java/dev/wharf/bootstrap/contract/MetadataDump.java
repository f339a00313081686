package dev.wharf.bootstrap.contract;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every value of every table in the connection's current schema, as text, one {@code table.column=value} per value:
 * the whole of what a database holds, found through JDBC metadata so that a table added later is read too.
 */
final class MetadataDump {
    private MetadataDump() {}

    static List<String> of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString();
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet found = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                tables.add(found.getString("TABLE_NAME"));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables in schema " + schema);
        }
        List<String> values = new ArrayList<>();
        for (String table : tables) {
            String name = quote + schema + quote + "." + quote + table + quote;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM " + name)) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        values.add(table + "." + columns.getColumnName(i) + "=" + rows.getString(i));
                    }
                }
            }
        }
        return values;
    }
}
