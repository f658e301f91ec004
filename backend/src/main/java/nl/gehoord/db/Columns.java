package nl.gehoord.db;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a number column that may be NULL, for hand-written row readers (JDBC's getters read NULL as 0). */
public final class Columns {
    private Columns() {
    }

    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
