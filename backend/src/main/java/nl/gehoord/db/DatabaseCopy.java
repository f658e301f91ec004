package nl.gehoord.db;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies every table of one Gehoord database into another (an organisation moving from its SQLite file to the
 * shared PostgreSQL), then proves the copy by a row count and a checksum per table computed the same way on
 * both sides. Sealed columns are copied as the text they are: nothing is opened or re-sealed, so the target
 * needs the same key file.
 *
 * <p>This works on the schema as the database describes it (JDBC metadata), not on DAOs: it must copy every
 * table, including those a future migration adds, without knowing them.
 */
public final class DatabaseCopy {
    /** Tables that belong to the database engine or to one instance, not to the data. */
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history", "rate_limit_buckets");
    private static final int BATCH = 500;

    /** What was copied: rows and checksum per table, equal on both sides. */
    public record TableResult(String table, long rows, String checksum) {
    }

    public static final class CopyException extends RuntimeException {
        public CopyException(String message) {
            super(message);
        }
    }

    private DatabaseCopy() {
    }

    /**
     * Migrates the target to the current schema, refuses it when any table holds a row, copies in
     * foreign-key order and verifies. The source is only read.
     */
    public static List<TableResult> copy(Database source, Database target) {
        source.migrate();
        target.migrate();
        try (Connection from = source.dataSource().getConnection();
             Connection to = target.dataSource().getConnection()) {
            List<String> tables = tablesInDependencyOrder(to);
            for (String table : tables) {
                if (count(to, table) > 0) {
                    throw new CopyException("The target database is not empty: table " + table
                            + " has rows. Copy only into a new, empty database.");
                }
            }
            to.setAutoCommit(false);
            for (String table : tables) {
                copyTable(from, to, table);
            }
            to.commit();
            List<TableResult> results = new ArrayList<>();
            for (String table : tables) {
                TableResult a = summarise(from, table, columnTypes(to, table));
                TableResult b = summarise(to, table, columnTypes(to, table));
                if (!a.equals(b)) {
                    throw new CopyException("Table " + table + " differs after the copy: " + a.rows() + " rows ("
                            + a.checksum() + ") in the source, " + b.rows() + " (" + b.checksum() + ") in the target.");
                }
                results.add(a);
            }
            return results;
        } catch (SQLException e) {
            throw new CopyException("The copy failed (" + e.getSQLState() + "): " + e.getClass().getSimpleName());
        }
    }

    /** Tables of the target's schema, each after the tables it refers to. */
    static List<String> tablesInDependencyOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, schema(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(name) && !name.startsWith("sqlite_")) {
                    dependsOn.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String table : dependsOn.keySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, schema(c), table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && dependsOn.containsKey(parent)) {
                        dependsOn.get(table).add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < dependsOn.size()) {
            boolean progress = false;
            for (var e : dependsOn.entrySet()) {
                if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
                    ordered.add(e.getKey());
                    placed.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new CopyException("The tables refer to each other in a circle; cannot choose an order.");
            }
        }
        return ordered;
    }

    private static String schema(Connection c) throws SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:postgresql:") ? "public" : null;
    }

    /** The target's columns and their JDBC types, in the target's order. */
    private static Map<String, Integer> columnTypes(Connection to, String table) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (ResultSet rs = to.getMetaData().getColumns(null, schema(to), table, "%")) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
            }
        }
        return columns;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void copyTable(Connection from, Connection to, String table) throws SQLException {
        Map<String, Integer> types = columnTypes(to, table);
        List<String> columns = new ArrayList<>(types.keySet());
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        try (Statement read = from.createStatement();
             ResultSet rs = read.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table);
             PreparedStatement write = to.prepareStatement(insert)) {
            int pending = 0;
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    Object value = rs.getObject(i + 1);
                    int type = types.get(columns.get(i));
                    if (value == null) {
                        write.setNull(i + 1, type);
                    } else if (type == Types.BOOLEAN || type == Types.BIT) {
                        write.setBoolean(i + 1, asBoolean(value));
                    } else if (type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT) {
                        write.setLong(i + 1, ((Number) value).longValue());
                    } else if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                        write.setBytes(i + 1, rs.getBytes(i + 1));
                    } else if (type == Types.DOUBLE || type == Types.REAL || type == Types.FLOAT
                            || type == Types.NUMERIC || type == Types.DECIMAL) {
                        write.setDouble(i + 1, ((Number) value).doubleValue());
                    } else {
                        write.setString(i + 1, value.toString());
                    }
                }
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    private static boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        return Boolean.parseBoolean(value.toString()) || "1".equals(value.toString());
    }

    /**
     * Row count and a checksum: the sum (mod 2^256) of each row's SHA-256, each value written in one canonical
     * form (booleans as true/false, whole numbers without decimals), so SQLite and PostgreSQL agree on equal
     * data whatever order or collation each returns rows in.
     */
    private static TableResult summarise(Connection c, String table, Map<String, Integer> types) throws SQLException {
        List<String> columns = new ArrayList<>(types.keySet());
        BigInteger sum = BigInteger.ZERO;
        long rows = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
            while (rs.next()) {
                rows++;
                MessageDigest digest = sha256();
                for (int i = 0; i < columns.size(); i++) {
                    digest.update(canonical(rs, i + 1, types.get(columns.get(i))).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                sum = sum.add(new BigInteger(1, digest.digest())).mod(MODULUS);
            }
        }
        return new TableResult(table, rows, String.format("%064x", sum));
    }

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private static String canonical(ResultSet rs, int index, int type) throws SQLException {
        Object value = rs.getObject(index);
        if (value == null) {
            return "\u0000null";
        }
        if (type == Types.BOOLEAN || type == Types.BIT) {
            return Boolean.toString(asBoolean(value));
        }
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
            return HexFormat.of().formatHex(rs.getBytes(index));
        }
        if (value instanceof Number n && (type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT)) {
            return Long.toString(n.longValue());
        }
        return value.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
