package nl.gehoord.db;

/** The two databases Gehoord runs on; SQL is shared, migrations differ only where they must. */
public enum Dialect {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationFolder() {
        return migrationFolder;
    }

    /** The dialect of the database behind an open handle. */
    public static Dialect of(org.jdbi.v3.core.Handle h) {
        try {
            // Asked on the writer's path: a wrapper check is cheaper than building the driver's metadata.
            return h.getConnection().isWrapperFor(org.sqlite.SQLiteConnection.class) ? SQLITE : POSTGRESQL;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the database's address", e);
        }
    }

    public static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
